import { Money } from '@ambito/kernel';

/** A PostgreSQL bigint of cents (a string on the wire) as a safe-integer number of cents. */
export function cents(value: string | number | null | undefined): number {
  return value === null || value === undefined ? 0 : Money.ofCents(value).toCents();
}

/** Sum of cents without floating point. */
export function somma(...values: number[]): number {
  return values.reduce((acc, v) => acc.plus(Money.ofCents(v)), Money.zero()).toCents();
}

export function differenza(a: number, b: number): number {
  return Money.ofCents(a).minus(Money.ofCents(b)).toCents();
}

/** `a × b` in cents (inhabitants × quota), exact and range-checked. */
export function prodotto(a: number, b: number): number {
  return Money.ofCents(BigInt(a) * BigInt(b)).toCents();
}

/** Today's date in Italy: the date at which the rules in force are chosen. */
export const OGGI_SQL = `(now() AT TIME ZONE 'Europe/Rome')::date`;

/**
 * SQL condition on a `il timestamptz` column for balances "alla data": a date means the end of that day
 * in Italian time, an instant is taken as is. Without `alla`, everything recorded so far.
 */
export function condizioneAlla(
  colonna: string,
  alla: string | undefined,
  param: number,
): {
  sql: string;
  params: unknown[];
} {
  if (!alla) return { sql: 'TRUE', params: [] };
  if (/^\d{4}-\d{2}-\d{2}$/.test(alla))
    return {
      sql: `${colonna} < ((($${param})::date + 1)::timestamp AT TIME ZONE 'Europe/Rome')`,
      params: [alla],
    };
  return { sql: `${colonna} <= ($${param})::timestamptz`, params: [alla] };
}
