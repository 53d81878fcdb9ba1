/*
 * Calendar arithmetic on AAAA-MM-GG days, in UTC so the result never depends on the machine's zone:
 * days compare as strings.
 */

const parti = (giorno: string): [number, number, number] => [
  Number(giorno.slice(0, 4)),
  Number(giorno.slice(5, 7)),
  Number(giorno.slice(8, 10)),
];

const formatta = (d: Date): string => d.toISOString().slice(0, 10);

/** Full years on `giorno` of someone born on `nascita` (born on 29/02: a year older on 01/03). */
export function etaCompiuta(nascita: string, giorno: string): number {
  const [an, mn, gn] = parti(nascita);
  const [a, m, g] = parti(giorno);
  return a - an - (m < mn || (m === mn && g < gn) ? 1 : 0);
}

/** The day before the same day `mesi` months later (a validity of N months from `giorno`, inclusive). */
export function ultimoGiornoDopoMesi(giorno: string, mesi: number): string {
  const [a, m, g] = parti(giorno);
  // Day 0 of the following month is the last of the month: 31/08 + 6 months ends on 28/02.
  const fineMese = new Date(Date.UTC(a, m - 1 + mesi + 1, 0)).getUTCDate();
  const stesso = new Date(Date.UTC(a, m - 1 + mesi, Math.min(g, fineMese)));
  stesso.setUTCDate(stesso.getUTCDate() - 1);
  return formatta(stesso);
}

/** 31 December of the day's year. */
export const fineAnno = (giorno: string): string => `${giorno.slice(0, 4)}-12-31`;

/** Whether [dal, al] (al null: open) contains `giorno`. */
export const attivoIl = (dal: string, al: string | null, giorno: string): boolean =>
  dal <= giorno && (al === null || al >= giorno);
