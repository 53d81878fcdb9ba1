import {
  DomainError,
  type FonteBudgetProgetto,
  type MassimaleInterventoDdnV1,
  type MassimaliDopoDiNoiV1,
} from '@ambito/contracts';
import { euro } from '../istruttoria/regole/formato';

/*
 * The Dopo di Noi budget di progetto (DM 23/11/2016 art. 1; rule 16): the resources of several sources
 * and the interventions they pay for, each contribution of the Dopo di Noi fund within the cap of its
 * intervention type (e.g. adaptation ≤ min(€ 20.000, 70 % of the cost); accompaniment voucher ≤ € 4.800 a
 * year + € 600 for the family). Pure: the caps come from the rule set, the result explains every cut.
 */

export interface InterventoProgetto {
  strumento: string;
  costoCentesimi: number;
  /** Contribution asked of the Dopo di Noi fund for it. */
  contributoRichiestoCentesimi: number;
  /** Family support asked with it (only where the type foresees one, e.g. C1). */
  sostegnoFamigliaRichiestoCentesimi: number;
  /** Months the intervention lasts (caps per month or year); 1 for a one-off work. */
  mesi: number;
}

export interface FonteProgetto {
  fonte: FonteBudgetProgetto;
  importoCentesimi: number;
}

export interface InterventoValutato {
  indice: number;
  strumento: string;
  massimaleCentesimi: number;
  contributoCentesimi: number;
  sostegnoFamigliaCentesimi: number;
  ridotto: boolean;
  motivo: string;
}

export interface EsitoBudgetProgetto {
  interventi: InterventoValutato[];
  costoTotaleCentesimi: number;
  risorseTotaliCentesimi: number;
  /** Contributions (and family support) of the Dopo di Noi fund after the caps. */
  contributoDopoDiNoiCentesimi: number;
  fondoDopoDiNoiCentesimi: number;
  /** Cost not covered by the sources (0 when covered). */
  scopertoCentesimi: number;
}

const percentuale = (centesimi: number, pct: number) => Math.floor((centesimi * pct) / 100);

/** How many times the cap applies over the intervention's months. */
function volte(m: MassimaleInterventoDdnV1, mesi: number): number {
  if (m.periodo === 'mese') return mesi;
  if (m.periodo === 'anno') return Math.ceil(mesi / 12);
  return 1;
}

const NOMI_PERIODO = { intervento: 'per intervento', anno: 'l’anno', mese: 'al mese' } as const;

/** The cap of one intervention and the contribution it allows. */
export function valutaIntervento(
  i: InterventoProgetto,
  indice: number,
  parametri: MassimaliDopoDiNoiV1,
): InterventoValutato {
  const m = parametri.interventi.find((x) => x.strumento === i.strumento);
  if (!m)
    throw new DomainError(
      'STRUMENTO_MISURA_SCONOSCIUTO',
      `Intervento ${indice + 1}: il tipo ${i.strumento} non ha un massimale nelle regole del Dopo di Noi.`,
    );
  const n = volte(m, i.mesi);
  const parti = [`${euro(m.massimoCentesimi)} ${NOMI_PERIODO[m.periodo]}${n > 1 ? ` × ${n}` : ''}`];
  let massimale = m.massimoCentesimi * n;
  if (m.percentualeCostoMassima !== null) {
    const quota = percentuale(i.costoCentesimi, m.percentualeCostoMassima);
    parti.push(`${m.percentualeCostoMassima} % del costo di ${euro(i.costoCentesimi)} (${euro(quota)})`);
    massimale = Math.min(massimale, quota);
  }
  massimale = Math.min(massimale, i.costoCentesimi);
  const contributo = Math.min(i.contributoRichiestoCentesimi, massimale);
  const sostegnoMassimo = (m.sostegnoFamigliaCentesimi ?? 0) * n;
  const sostegno = Math.min(i.sostegnoFamigliaRichiestoCentesimi, sostegnoMassimo);
  const ridotto =
    contributo < i.contributoRichiestoCentesimi || sostegno < i.sostegnoFamigliaRichiestoCentesimi;
  const sostegnoTesto =
    i.sostegnoFamigliaRichiestoCentesimi > 0
      ? `; sostegno alla famiglia ${euro(sostegno)} (massimo ${euro(sostegnoMassimo)})`
      : '';
  return {
    indice,
    strumento: i.strumento,
    massimaleCentesimi: massimale,
    contributoCentesimi: contributo,
    sostegnoFamigliaCentesimi: sostegno,
    ridotto,
    motivo: `Massimale ${euro(massimale)}: il minore fra ${parti.join(', ')} e il costo; contributo ${euro(contributo)}${ridotto && contributo < i.contributoRichiestoCentesimi ? ` (richiesti ${euro(i.contributoRichiestoCentesimi)})` : ''}${sostegnoTesto}`,
  };
}

/**
 * Judges a budget di progetto: every intervention within its cap; the Dopo di Noi fund's part may not
 * exceed what its source brings (BUDGET_PROGETTO_NON_COPERTO), the rest of the cost is covered or shown.
 */
export function valutaBudgetProgetto(
  interventi: readonly InterventoProgetto[],
  fonti: readonly FonteProgetto[],
  parametri: MassimaliDopoDiNoiV1,
): EsitoBudgetProgetto {
  const valutati = interventi.map((i, k) => valutaIntervento(i, k, parametri));
  const costoTotaleCentesimi = interventi.reduce((t, i) => t + i.costoCentesimi, 0);
  const risorseTotaliCentesimi = fonti.reduce((t, f) => t + f.importoCentesimi, 0);
  const contributoDopoDiNoiCentesimi = valutati.reduce(
    (t, v) => t + v.contributoCentesimi + v.sostegnoFamigliaCentesimi,
    0,
  );
  const fondoDopoDiNoiCentesimi = fonti
    .filter((f) => f.fonte === 'fondo-dopo-di-noi')
    .reduce((t, f) => t + f.importoCentesimi, 0);
  if (contributoDopoDiNoiCentesimi > fondoDopoDiNoiCentesimi)
    throw new DomainError(
      'BUDGET_PROGETTO_NON_COPERTO',
      `I contributi del fondo Dopo di Noi (${euro(contributoDopoDiNoiCentesimi)}) superano quanto il fondo porta al budget di progetto (${euro(fondoDopoDiNoiCentesimi)}).`,
    );
  return {
    interventi: valutati,
    costoTotaleCentesimi,
    risorseTotaliCentesimi,
    contributoDopoDiNoiCentesimi,
    fondoDopoDiNoiCentesimi,
    scopertoCentesimi: Math.max(0, costoTotaleCentesimi - risorseTotaliCentesimi),
  };
}
