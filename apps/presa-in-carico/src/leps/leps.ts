import type { FasciaLepsAs, ParametriLepsAsV1 } from '@ambito/contracts';

export interface EsitoLepsAs {
  abitantiPerAssistenteSociale: number | null;
  fascia: FasciaLepsAs;
  asMancantiObiettivo: number;
  unitaFascia1: number;
  unitaFascia2: number;
  contributoAttesoCentesimi: number;
}

const centesimi = (n: number) => Math.round(n * 100) / 100;
const fra = (valore: number, min: number, max: number) => Math.min(Math.max(valore, min), max);

/**
 * LEPS servizio sociale professionale (L. 178/2020 art. 1 c. 797): the permanent AS (FTE) of the Ambito
 * beyond the ratio of the minimum threshold and up to the objective earn the first contribution per
 * unit, those beyond the objective and up to the further objective the second one.
 */
export function calcolaLepsAs(popolazione: number, fte: number, p: ParametriLepsAsV1): EsitoLepsAs {
  const perSoglia = popolazione / p.abitantiPerAsSogliaMinima;
  const perObiettivo = popolazione / p.abitantiPerAsObiettivo;
  const perUlteriore = popolazione / p.abitantiPerAsObiettivoUlteriore;
  const unitaFascia1 = fra(fte - perSoglia, 0, perObiettivo - perSoglia);
  const unitaFascia2 = fra(fte - perObiettivo, 0, perUlteriore - perObiettivo);
  const rapporto = fte > 0 ? popolazione / fte : null;
  const fascia: FasciaLepsAs =
    rapporto === null || rapporto > p.abitantiPerAsSogliaMinima
      ? 'sotto-soglia-minima'
      : rapporto > p.abitantiPerAsObiettivo
        ? 'verso-obiettivo'
        : rapporto > p.abitantiPerAsObiettivoUlteriore
          ? 'obiettivo-raggiunto'
          : 'obiettivo-ulteriore-raggiunto';
  return {
    abitantiPerAssistenteSociale: rapporto === null ? null : Math.round(rapporto),
    fascia,
    asMancantiObiettivo: centesimi(Math.max(perObiettivo - fte, 0)),
    unitaFascia1: centesimi(unitaFascia1),
    unitaFascia2: centesimi(unitaFascia2),
    contributoAttesoCentesimi: Math.round(
      unitaFascia1 * p.contributoFascia1Centesimi + unitaFascia2 * p.contributoFascia2Centesimi,
    ),
  };
}
