import { isIsoDate } from './iso-date';

const DAY_MS = 86_400_000;

function requireDate(value: unknown): string {
  if (!isIsoDate(value)) throw new RangeError(`Data non valida (atteso AAAA-MM-GG): ${String(value)}`);
  return value;
}

/**
 * A period of legal dates ('YYYY-MM-DD', no time zone), both ends included; `to` absent = open-ended.
 * ISO dates compare correctly as strings, so no Date object is involved except to count days.
 */
export class DatePeriod {
  private constructor(
    readonly from: string,
    readonly to: string | undefined,
  ) {
    Object.freeze(this);
  }

  /** Throws RangeError on an impossible date or when `to` precedes `from`; `null` (a DB column) = open. */
  static of(from: string, to?: string | null): DatePeriod {
    requireDate(from);
    if (to === undefined || to === null) return new DatePeriod(from, undefined);
    requireDate(to);
    if (to < from) throw new RangeError(`Periodo non valido: ${from} è successiva a ${to}`);
    return new DatePeriod(from, to);
  }

  get isOpenEnded(): boolean {
    return this.to === undefined;
  }

  contains(date: string): boolean {
    requireDate(date);
    return date >= this.from && (this.to === undefined || date <= this.to);
  }

  /** True when the two periods share at least one day. */
  overlaps(other: DatePeriod): boolean {
    return (
      (this.to === undefined || other.from <= this.to) && (other.to === undefined || this.from <= other.to)
    );
  }

  /** Number of days, both ends included; undefined when open-ended. */
  days(): number | undefined {
    if (this.to === undefined) return undefined;
    return (Date.parse(`${this.to}T00:00:00Z`) - Date.parse(`${this.from}T00:00:00Z`)) / DAY_MS + 1;
  }

  equals(other: DatePeriod): boolean {
    return this.from === other.from && this.to === other.to;
  }

  toJSON(): { from: string; to: string | null } {
    return { from: this.from, to: this.to ?? null };
  }
}
