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
