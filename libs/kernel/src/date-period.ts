import { isIsoDate } from './iso-date';

const DAY_MS = 86_400_000;

/** A period of legal dates, both ends included; `to` absent = open-ended. */
export class DatePeriod {
  private constructor(
    readonly from: string,
    readonly to: string | undefined,
  ) {}

  static of(from: string, to?: string): DatePeriod {
    if (!isIsoDate(from)) throw new RangeError(`Data non valida: ${from}`);
    if (to !== undefined && !isIsoDate(to)) throw new RangeError(`Data non valida: ${to}`);
    if (to !== undefined && to < from)
      throw new RangeError(`Periodo non valido: ${from} è successiva a ${to}`);
    return new DatePeriod(from, to);
  }

  contains(date: string): boolean {
    return date >= this.from && (this.to === undefined || date <= this.to);
  }

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
}
