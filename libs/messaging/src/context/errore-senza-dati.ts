/**
 * What of an unexpected error may be logged: its kind, message, code and stack, never the fields a
 * driver attaches (a failed query's `parameters` carry codici fiscali, names and birth dates).
 */
export function erroreSenzaDati(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { tipo: typeof error };
  const e = error as Error & { code?: unknown; driverError?: { code?: unknown } };
  return {
    type: e.name,
    message: e.message,
    ...(typeof e.code === 'string' ? { code: e.code } : {}),
    ...(typeof e.driverError?.code === 'string' ? { driverCode: e.driverError.code } : {}),
    stack: e.stack,
  };
}
