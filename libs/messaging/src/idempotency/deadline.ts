import { DomainError, HEADER } from '@ambito/contracts';
import type { MsgHdrs } from 'nats';

/**
 * Deadlines: the gateway sends `Ambito-Scadenza` (epoch ms, when it stops waiting); a service neither
 * starts nor commits work after it, so that a timeout answer means nothing was written, except in the
 * short window between a commit and its reply (covered by the Idempotency-Key).
 */

/** The deadline of a request, from its header; absent or unreadable means none. */
export function deadlineFromHeaders(h: MsgHdrs | undefined): number | undefined {
  const raw = h?.has(HEADER.scadenza) ? h.get(HEADER.scadenza) : undefined;
  if (!raw || !/^\d{1,16}$/.test(raw)) return undefined;
  return Number(raw);
}

export function deadlinePassed(deadline: number | undefined, now = Date.now()): boolean {
  return deadline !== undefined && now >= deadline;
}

export function deadlineError(): DomainError {
  return new DomainError(
    'SCADENZA_SUPERATA',
    'La richiesta è arrivata o si è conclusa dopo il tempo di attesa del chiamante: non è stata eseguita.',
  );
}

/** Throws SCADENZA_SUPERATA when the deadline has passed. */
export function checkDeadline(deadline: number | undefined): void {
  if (deadlinePassed(deadline)) throw deadlineError();
}

/** The deadline a caller sends: its own timeout, never later than the deadline it is working under. */
export function outgoingDeadline(timeoutMs: number, inherited: number | undefined, now = Date.now()): number {
  const own = now + timeoutMs;
  return inherited === undefined ? own : Math.min(own, inherited);
}

export function undeterminedOutcome(): DomainError {
  return new DomainError(
    'ESITO_NON_DETERMINATO',
    'Esito non determinato: il servizio non ha risposto in tempo. Ripetere la richiesta con la stessa Idempotency-Key.',
  );
}
