/**
 * A constraint of PostgreSQL refused the write (23505 unique, 23514 check), optionally a given one:
 * the database is the last word on uniqueness and balances, the service turns it into a domain error.
 */
export function isViolation(error: unknown, code: '23505' | '23514', constraint?: string): boolean {
  const e = error as {
    code?: string;
    constraint?: string;
    driverError?: { code?: string; constraint?: string };
  };
  const pg = e?.driverError ?? e;
  return pg?.code === code && (!constraint || pg.constraint === constraint);
}
