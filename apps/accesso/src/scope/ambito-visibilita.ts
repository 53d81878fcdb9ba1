import { DomainError, LETTORI_AMBITO, OPERATORI, REVISORI, type Actor, type Ruolo } from '@ambito/contracts';

/*
 * Role groups from contracts (common/gruppi-ruoli): OPERATORI register persone and accessi in their own
 * sub-ambiti; LETTORI_AMBITO see aggregated figures of the whole ambito only; REVISORI read the audit log.
 */

/**
 * Where an actor may see personal data: accessi of these sub-ambiti (operators) and persone/accessi of
 * residents of these comuni (responsabile-comune, read only). Never the whole ambito.
 */
export interface Visibilita {
  subAmbiti: string[];
  comuni: string[];
}

const has = (actor: Actor, roles: readonly Ruolo[]) => actor.ruoli.some((r) => roles.includes(r));

export const nonConsentito = () =>
  new DomainError('OPERAZIONE_NON_CONSENTITA', 'Il proprio ruolo non consente questa operazione.');

export const fuoriAmbito = (subAmbito: string) =>
  new DomainError(
    'FUORI_AMBITO_TERRITORIALE',
    `Operazione non consentita: il sub-ambito ${subAmbito} non è tra quelli assegnati.`,
  );

/** Writing happens only in the actor's own sub-ambiti. */
export function assertScrittura(actor: Actor, subAmbito: string): void {
  if (!has(actor, OPERATORI)) throw nonConsentito();
  if (!actor.subAmbiti.includes(subAmbito)) throw fuoriAmbito(subAmbito);
}

export function isOperatore(actor: Actor): boolean {
  return has(actor, OPERATORI);
}

/** Throws for roles that never read personal data (Ufficio di Piano, amministratore). */
export function visibilitaDatiPersonali(actor: Actor): Visibilita {
  const visibilita: Visibilita = {
    subAmbiti: has(actor, OPERATORI) ? actor.subAmbiti : [],
    comuni: actor.ruoli.includes('responsabile-comune') ? actor.comuni : [],
  };
  if (visibilita.subAmbiti.length === 0 && visibilita.comuni.length === 0) throw nonConsentito();
  return visibilita;
}

/** Aggregated counters: whole ambito for the Ufficio di Piano, own territory for the others; null = all. */
export function visibilitaStatistiche(actor: Actor): Visibilita | null {
  if (has(actor, LETTORI_AMBITO)) return null;
  const visibilita: Visibilita = {
    subAmbiti: actor.ruoli.includes('coordinatore-sub-ambito') ? actor.subAmbiti : [],
    comuni: actor.ruoli.includes('responsabile-comune') ? actor.comuni : [],
  };
  if (visibilita.subAmbiti.length === 0 && visibilita.comuni.length === 0) throw nonConsentito();
  return visibilita;
}

export function assertRevisore(actor: Actor): void {
  if (!has(actor, REVISORI)) throw nonConsentito();
}
