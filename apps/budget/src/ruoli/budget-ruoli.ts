import { DomainError, GESTORI_BUDGET, type Actor } from '@ambito/contracts';

/*
 * Who programmes and moves the ambito's money: the Ufficio di Piano and the administrator
 * (GESTORI_BUDGET, declared with the messages). The gateway and the RpcServer refuse other roles before
 * a handler runs; the use cases check again (defence in depth), and comuniVisibili adds the territorial
 * rule of the comuni's statement, which no role list can express.
 */

const nonConsentito = () =>
  new DomainError('OPERAZIONE_NON_CONSENTITA', 'Il proprio ruolo non consente questa operazione sul budget.');

export function isGestore(actor: Actor): boolean {
  return actor.ruoli.some((r) => GESTORI_BUDGET.includes(r));
}

export function assertGestore(actor: Actor): void {
  if (!isGestore(actor)) throw nonConsentito();
}

/** Comuni whose statement the actor may read: all (null) for the gestori, its own for a responsabile. */
export function comuniVisibili(actor: Actor): string[] | null {
  if (isGestore(actor)) return null;
  if (actor.ruoli.includes('responsabile-comune') && actor.comuni.length > 0) return actor.comuni;
  throw nonConsentito();
}

/*
 * Calling services act with an identity of their own (`servizio:<nome>`, issued by the platform), never
 * with a person's role: what they may do on the budget is granted per line by the Ufficio di Piano
 * (table abilitazione_servizio, checked by Abilitazioni), not by a role list.
 */
const PREFISSO_SERVIZIO = 'servizio:';

/** The calling service's name when the actor is a service, otherwise null. */
export function servizioChiamante(actor: Actor): string | null {
  return actor.userId.startsWith(PREFISSO_SERVIZIO) ? actor.userId.slice(PREFISSO_SERVIZIO.length) : null;
}

/**
 * Commit, liquidate, reduce: a gestore, or a calling service (its one role `servizio-<nome>`, signed with
 * its own key) whose grants on the line Abilitazioni checks next.
 */
export function assertGestoreOServizio(actor: Actor): void {
  if (servizioChiamante(actor) === null) assertGestore(actor);
}

/** Acts only people take (variazioni, mandati, grants): a calling service is refused. */
export function assertPersona(actor: Actor): void {
  if (servizioChiamante(actor) !== null)
    throw new DomainError(
      'OPERAZIONE_NON_CONSENTITA',
      'Questa operazione sul budget è un atto di una persona dell’Ufficio di Piano: un servizio chiamante non la compie.',
    );
}
