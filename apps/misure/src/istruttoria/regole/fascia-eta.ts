import type { FasciaV1, RegolaValutataV1 } from '@ambito/contracts';
import { nonSoddisfatta, soddisfatta, type Contesto } from './contesto';
import { data } from './formato';

const AREE: Readonly<Record<FasciaV1['area'], string>> = {
  anziani: 'anziani',
  'disabili-adulti': 'disabili adulti',
  minori: 'minori',
};

const limiti = (f: FasciaV1) =>
  f.etaMassima === null ? `da ${f.etaMinima} anni` : `${f.etaMinima}–${f.etaMassima} anni`;

/** The first band of the rule set whose ages contain `eta` (bands are listed in order of precedence). */
export function trovaFascia(fasce: readonly FasciaV1[], eta: number): FasciaV1 | null {
  return fasce.find((f) => eta >= f.etaMinima && (f.etaMassima === null || eta <= f.etaMassima)) ?? null;
}

/** FASCIA_ETA: the age on the reference day falls in a band of the rule set, which gives the area. */
export function fasciaEta(c: Contesto): RegolaValutataV1[] {
  const alGiorno = `${c.eta} anni al ${data(c.giorno)}`;
  if (c.fascia)
    return [
      soddisfatta('FASCIA_ETA', `${alGiorno}: fascia ${limiti(c.fascia)}, area ${AREE[c.fascia.area]}`),
    ];
  const previste = c.parametri.requisiti.fasce.map(limiti).join(', ') || 'nessuna';
  return [nonSoddisfatta('FASCIA_ETA', `${alGiorno}: nessuna fascia d’età della misura (${previste})`)];
}
