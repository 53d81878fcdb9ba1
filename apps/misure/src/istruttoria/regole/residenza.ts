import { nonSoddisfatta, soddisfatta, type Contesto } from './contesto';
import type { RegolaValutataV1 } from '@ambito/contracts';

/** RESIDENZA_AMBITO: the person lives in a comune of the ambito (rule 6), when the rule set asks it. */
export function residenzaAmbito(c: Contesto): RegolaValutataV1[] {
  if (!c.parametri.requisiti.residenzaAmbito) return [];
  return [
    c.dati.residenteNellAmbito
      ? soddisfatta('RESIDENZA_AMBITO', 'Residente in un comune dell’ambito')
      : nonSoddisfatta('RESIDENZA_AMBITO', 'Non residente in un comune dell’ambito'),
  ];
}
