import type { RegolaValutataV1 } from '@ambito/contracts';
import { nonSoddisfatta, soddisfatta, type Contesto } from './contesto';
import { NOMI_TIPI_ISEE, euro } from './formato';

/** ISEE_SOGLIA: the ISEE used is within the band's threshold (inclusive, rule 6). */
export function iseeSoglia(c: Contesto): RegolaValutataV1[] {
  if (!c.fascia || !c.isee) return [];
  const soglia = c.fascia.isee.sogliaCentesimi;
  const valore = `ISEE ${NOMI_TIPI_ISEE[c.isee.tipo]} ${euro(c.isee.valoreCentesimi)}`;
  return [
    c.isee.valoreCentesimi <= soglia
      ? soddisfatta('ISEE_SOGLIA', `${valore} entro la soglia di ${euro(soglia)}`)
      : nonSoddisfatta('ISEE_SOGLIA', `${valore} oltre la soglia di ${euro(soglia)}`),
  ];
}
