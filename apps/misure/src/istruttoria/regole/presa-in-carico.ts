import type { RegolaValutataV1, RequisitiV1, StatoPresaInCaricoV1 } from '@ambito/contracts';
import { nonSoddisfatta, soddisfatta, type Contesto } from './contesto';

/** One requirement on the person's cartella: the rule set's flag, the cartella's field, the words. */
interface RequisitoCartella {
  codice: string;
  richiesto: keyof RequisitiV1;
  presente: keyof StatoPresaInCaricoV1;
  cosa: string;
}

const REQUISITI: readonly RequisitoCartella[] = [
  {
    codice: 'VALUTAZIONE_MULTIDIMENSIONALE',
    richiesto: 'valutazioneMultidimensionale',
    presente: 'valutazioneCompletata',
    cosa: 'la valutazione multidimensionale completata',
  },
  {
    codice: 'VALUTAZIONE_CLINICO_SOCIALE',
    richiesto: 'valutazioneClinicaSociale',
    presente: 'valutazioneClinicaSociale',
    cosa: 'la valutazione dell’équipe con le componenti clinica e sociale',
  },
  {
    codice: 'PROGETTO_APPROVATO',
    richiesto: 'progettoApprovato',
    presente: 'progettoApprovato',
    cosa: 'il progetto individuale approvato',
  },
  {
    codice: 'BUDGET_DI_PROGETTO',
    richiesto: 'budgetDiProgetto',
    presente: 'budgetDiProgetto',
    cosa: 'il budget di progetto',
  },
];

/**
 * VALUTAZIONE_MULTIDIMENSIONALE, VALUTAZIONE_CLINICO_SOCIALE, PROGETTO_APPROVATO, BUDGET_DI_PROGETTO:
 * what the rule set requires in the person's cartella (rules 12, 13; issue 9 point 5). The reason says
 * what is missing, so the istanza shows it.
 */
export function presaInCarico(c: Contesto): RegolaValutataV1[] {
  return REQUISITI.filter((r) => c.parametri.requisiti[r.richiesto] === true).map((r) =>
    c.dati.presaInCarico[r.presente]
      ? soddisfatta(r.codice, `Nella cartella della persona c’è ${r.cosa}`)
      : nonSoddisfatta(r.codice, `Nella cartella della persona manca ${r.cosa}`),
  );
}
