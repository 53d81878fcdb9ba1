import { DomainError } from '@ambito/contracts';

/*
 * A handler that fails because something it depends on is down for a while (PostgreSQL restarting,
 * another service not answering) has done nothing wrong with the event: it is retried until the part
 * comes back, and those deliveries do not count towards the dead letter, which is for events that
 * fail on their own (a bug, data the handler cannot take).
 */

/**
 * What a call to another service answers when it is not there now: no responder, or no answer within
 * the caller's time (the request was not executed, or is safe to repeat with its Idempotency-Key).
 */
const CODICI_NON_ORA = new Set(['SERVIZIO_NON_DISPONIBILE', 'ESITO_NON_DETERMINATO', 'SCADENZA_SUPERATA']);
/** SQLSTATE of a lost or refused connection: class 08, the admin/crash shutdown family, too many clients. */
const SQLSTATE_TEMPORANEI = /^(08...|57P0[123]|53300)$/;
/** Errors of the socket under the driver. */
const ERRNO_TEMPORANEI = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
]);
/** node-postgres says these in words only. */
const MESSAGGI_TEMPORANEI = [
  /^Connection terminated/,
  /timeout exceeded when trying to connect/,
  /^Client has encountered a connection error/,
  /^Cannot use a pool after calling end/,
];

function codiceDi(error: object): string | undefined {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** Whether `error` (or what it wraps: TypeORM's `driverError`, `cause`, AggregateError) is a part being down. */
export function isIndisponibilitaTemporanea(error: unknown, profondita = 0): boolean {
  if (!error || typeof error !== 'object' || profondita > 4) return false;
  if (error instanceof DomainError) return CODICI_NON_ORA.has(error.code);
  const code = codiceDi(error);
  if (code && (SQLSTATE_TEMPORANEI.test(code) || ERRNO_TEMPORANEI.has(code))) return true;
  const message = (error as { message?: unknown }).message;
  if (typeof message === 'string' && MESSAGGI_TEMPORANEI.some((m) => m.test(message))) return true;
  const annidati = [
    (error as { driverError?: unknown }).driverError,
    (error as { cause?: unknown }).cause,
    ...((error as { errors?: unknown }).errors instanceof Array
      ? (error as { errors: unknown[] }).errors
      : []),
  ];
  return annidati.some((e) => isIndisponibilitaTemporanea(e, profondita + 1));
}
