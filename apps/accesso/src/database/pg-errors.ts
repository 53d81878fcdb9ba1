/** A unique constraint violated, optionally a given one (PostgreSQL error 23505). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as {
    code?: string;
    constraint?: string;
    driverError?: { code?: string; constraint?: string };
  };
  const pg = e?.driverError ?? e;
  return pg?.code === '23505' && (!constraint || pg.constraint === constraint);
}
