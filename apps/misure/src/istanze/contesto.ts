import { DomainError, type TerritorioV1 } from '@ambito/contracts';

/** What the avvisi and istanze need of the service's configuration: its ambito and territorio. */
export interface ContestoMisure {
  /** The ambito's code (AMBITO_CODICE): protocol numbers are per ambito and year. */
  ambito: string;
  territorio: TerritorioV1;
  /** The équipe runs istruttorie too (ISTRUTTORIA_EQUIPE), besides the Ufficio di Piano. */
  istruttoriaEquipe: boolean;
  /** Istanze per page (one transaction) of an avviso's whole istruttoria; 2,000 unless a test asks. */
  paginaIstruttoriaAvviso?: number;
}
export const CONTESTO_MISURE = Symbol('CONTESTO_MISURE');

/** The sub-ambito of a sede of the territorio; SEDE_SCONOSCIUTA otherwise. */
export function subAmbitoDellaSede(territorio: TerritorioV1, sede: string): string {
  const trovata = territorio.sedi.find((s) => s.codice === sede);
  if (!trovata)
    throw new DomainError('SEDE_SCONOSCIUTA', `Sede ${sede} sconosciuta nel territorio dell’Ambito.`);
  return trovata.subAmbito;
}

/** The sedi of the given sub-ambiti (where their operators receive istanze). */
export function sediDeiSubAmbiti(territorio: TerritorioV1, subAmbiti: readonly string[]): string[] {
  return territorio.sedi.filter((s) => subAmbiti.includes(s.subAmbito)).map((s) => s.codice);
}
