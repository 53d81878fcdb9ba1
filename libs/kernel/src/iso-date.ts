/** A real calendar date written as YYYY-MM-DD (no time, no zone: a legal date). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * The calendar date of an instant in Italy (YYYY-MM-DD). Offices, acts and deadlines count days in
 * local time: at 00:30 on 1 December it is already December, while UTC still says 30 November.
 */
export function giornoInItalia(istante: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(istante);
}
