import { DomainError, type TerritorioV1 } from '@ambito/contracts';

/** What the sportello's features know of the ambito: its codes and its territorio (comuni → sub-ambiti). */
export interface ContestoSportello {
  /** The service's ambito code (AMBITO_CODICE), the code of its registro. */
  ambito: string;
  territorio: TerritorioV1;
}

export const CONTESTO_SPORTELLO = Symbol('CONTESTO_SPORTELLO');

/** The sub-ambito of a comune of the ambito; refused (with an operator's message) when it is not one. */
export function subAmbitoDelComune(contesto: ContestoSportello, comune: string): string {
  const trovato = contesto.territorio.comuni.find((c) => c.istat === comune);
  if (!trovato)
    throw new DomainError(
      'COMUNE_SCONOSCIUTO',
      `Il comune ${comune} non è dell’Ambito ${contesto.territorio.ambito.denominazione}: lo sportello segue le famiglie dei suoi comuni.`,
    );
  return trovato.subAmbito;
}

/** A sede of the territorio, refused when unknown. */
export function sedeDelloSportello(contesto: ContestoSportello, sede: string): string {
  if (!contesto.territorio.sedi.some((s) => s.codice === sede))
    throw new DomainError('SEDE_SCONOSCIUTA', `La sede ${sede} non è fra le sedi dell’Ambito.`);
  return sede;
}

/** The codes a scheda may name for "the whole ambito". */
export function codiciAmbito(contesto: ContestoSportello): string[] {
  return [contesto.ambito, contesto.territorio.ambito.codice];
}

/**
 * The data subject of the sportello's audit rows: the family's person (the service's default subject
 * is the assistant, whose register it keeps).
 */
export const PERSONA = 'persona';
