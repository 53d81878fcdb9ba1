import { DomainError, type Actor } from '@ambito/contracts';
import { RequestContext } from '../context/request-context';

/** The authenticated actor of the current NATS request; refuses requests without one. */
export function currentActor(): Actor {
  const actor = RequestContext.current()?.actor;
  if (!actor) throw new DomainError('NON_AUTENTICATO', 'Richiesta priva di un utente autenticato.');
  return actor;
}
