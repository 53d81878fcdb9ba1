/**
 * What of an unexpected error may be logged: its kind, message, codes and stack, never the fields a
 * driver attaches (a failed query's `parameters` carry codici fiscali, names and birth dates; `query`,
 * `detail`, `where` and `driverError` repeat them). Messages keep their words but not what they quote:
 * PostgreSQL and V8 quote the offending value (`invalid input syntax for type uuid: "RSSMRA…"`,
 * `Unexpected token 'R', "RSSMRA…" is not JSON`), so every quoted span is masked, in the stack's first
 * line too. Identifiers that name the schema, not a person (constraint, table, column, SQLSTATE), stay.
 */
export function erroreSenzaDati(error: unknown, profondita = 0): Record<string, unknown> {
  if (!(error instanceof Error)) return { tipo: error === null ? 'null' : typeof error };
  const e = error as Error & {
    code?: unknown;
    cause?: unknown;
    driverError?: { code?: unknown; constraint?: unknown; table?: unknown; column?: unknown };
    constraint?: unknown;
    table?: unknown;
    column?: unknown;
  };
  const pg = e.driverError ?? e;
  const message = senzaCitazioni(e.message);
  return {
    type: e.name,
    message,
    ...(typeof e.code === 'string' ? { code: e.code } : {}),
    ...(typeof e.driverError?.code === 'string' ? { driverCode: e.driverError.code } : {}),
    ...(typeof pg.constraint === 'string' ? { constraint: pg.constraint } : {}),
    ...(typeof pg.table === 'string' ? { table: pg.table } : {}),
    ...(typeof pg.column === 'string' ? { column: pg.column } : {}),
    stack: pilaSenzaMessaggio(e.stack, e.name, message),
    ...(e.cause !== undefined && profondita < 3 ? { cause: erroreSenzaDati(e.cause, profondita + 1) } : {}),
  };
}

/** Double-, single- and back-quoted spans (and a Postgres key's `(…)=(…)`) become `"[riservato]"`. */
export function senzaCitazioni(testo: string): string {
  return testo
    .replace(/"(?:[^"\\]|\\.)*"/g, '"[riservato]"')
    .replace(/(^|[\s(=:,])'(?:[^'\\]|\\.)*'/g, "$1'[riservato]'")
    .replace(/`[^`]*`/g, '`[riservato]`')
    .replace(/=\([^)]*\)/g, '=([riservato])');
}

/** The frames of a stack under a first line rebuilt from the masked message (the original repeats it). */
function pilaSenzaMessaggio(stack: string | undefined, name: string, message: string): string | undefined {
  if (!stack) return undefined;
  const frames = stack.split('\n').filter((riga) => /^\s+at /.test(riga));
  return [`${name}: ${message}`, ...frames].join('\n');
}
