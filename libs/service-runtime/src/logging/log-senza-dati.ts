import { erroreSenzaDati, senzaCitazioni } from '@ambito/messaging';

export const CENSURA = '[riservato]';

/**
 * Keys whose value never reaches a log line, at any depth and inside arrays: personal fields of the
 * contracts, credentials, and what a database driver attaches to an error (the SQL, its parameters,
 * PostgreSQL's `detail` and `where`, the driver's own error object).
 */
export const CHIAVI_RISERVATE: ReadonlySet<string> = new Set(
  [
    'codiceFiscale',
    'cognome',
    'nome',
    'dataNascita',
    'luogoNascita',
    'dataDecesso',
    'indirizzoResidenza',
    'indirizzoDomicilio',
    'recapiti',
    'telefono',
    'email',
    'referente',
    'richiesta',
    'note',
    'testo',
    'motivazione',
    'motivo',
    'password',
    'authorization',
    'cookie',
    'parameters',
    'query',
    'detail',
    'where',
    'driverError',
    'hint',
    'internalQuery',
    'body',
  ].map((k) => k.toLowerCase()),
);

/** Handled by their own serializers (pino-http's request and response: `requestSummary` drops the query). */
const CHIAVI_SERIALIZZATE = new Set(['req', 'res']);

const PROFONDITA_MASSIMA = 8;

/**
 * pino's `formatters.log`: every object logged, before it is written, with reserved keys censored at
 * any depth (arrays and nested objects included) and errors reduced to `erroreSenzaDati`, wherever
 * they are (`{ err }`, `{ errore }`, a `cause`, an element of a list). pino's `redact` paths cannot
 * say "at any depth"; this can.
 */
export function logSenzaDati(oggetto: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [chiave, valore] of Object.entries(oggetto)) {
    out[chiave] = CHIAVI_SERIALIZZATE.has(chiave) ? valore : pulito(chiave, valore, 0, new WeakSet());
  }
  return out;
}

function pulito(chiave: string, valore: unknown, profondita: number, visti: WeakSet<object>): unknown {
  if (CHIAVI_RISERVATE.has(chiave.toLowerCase())) return valore === undefined ? undefined : CENSURA;
  if (valore === null || typeof valore !== 'object') return valore;
  if (valore instanceof Error) return erroreSenzaDati(valore);
  if (valore instanceof Date) return valore;
  if (visti.has(valore)) return '[circolare]';
  if (profondita >= PROFONDITA_MASSIMA) return '[annidato]';
  visti.add(valore);
  if (Array.isArray(valore)) return valore.map((v) => pulito('', v, profondita + 1, visti));
  if (ArrayBuffer.isView(valore)) return `[${valore.byteLength} byte]`;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(valore)) out[k] = pulito(k, v, profondita + 1, visti);
  return out;
}

/** pino's `err` serializer: an error is already reduced by `logSenzaDati`; its type name is kept. */
export function erroreLoggabile(valore: unknown): unknown {
  return valore instanceof Error ? erroreSenzaDati(valore) : valore;
}

/**
 * pino's `hooks.logMethod`: `logger.error(err)` and `logger.error(err, 'msg')` become
 * `logger.error({ err }, msg)` with the error's message masked (pino would copy it raw into `msg`).
 */
export function primoArgomentoSenzaDati(
  this: unknown,
  args: unknown[],
  metodo: (...args: unknown[]) => void,
): void {
  const [primo, ...resto] = args;
  if (primo instanceof Error) {
    const messaggio = typeof resto[0] === 'string' ? resto.shift() : senzaCitazioni(primo.message);
    return metodo.apply(this, [{ err: primo }, messaggio, ...resto]);
  }
  return metodo.apply(this, args);
}
