/*
 * Calendar days as integers (days since 1970-01-01, UTC): the periods of benefici, suspensions and
 * months are whole days in Italy, compared and counted without time zones.
 */

const GIORNO_MS = 86_400_000;

export function numeroGiorno(data: string): number {
  return Math.floor(Date.parse(`${data}T00:00:00Z`) / GIORNO_MS);
}

export function dataDelGiorno(numero: number): string {
  return new Date(numero * GIORNO_MS).toISOString().slice(0, 10);
}

export function aggiungiGiorni(data: string, giorni: number): string {
  return dataDelGiorno(numeroGiorno(data) + giorni);
}

/** `YYYY-MM-01` of a `YYYY-MM`. */
export function primoDelMese(mese: string): string {
  return `${mese.slice(0, 7)}-01`;
}

/** The last day of the month of `YYYY-MM(-DD)`. */
export function ultimoDelMese(mese: string): string {
  const [anno, m] = [Number(mese.slice(0, 4)), Number(mese.slice(5, 7))];
  return new Date(Date.UTC(anno, m, 0)).toISOString().slice(0, 10);
}

/** Whole years between a birth date and a day (age on that day). */
export function etaAl(nascita: string, giorno: string): number {
  const anni = Number(giorno.slice(0, 4)) - Number(nascita.slice(0, 4));
  return giorno.slice(5) < nascita.slice(5) ? anni - 1 : anni;
}

/** The days of [dal, al] (inclusive, `al` null: open) inside [da, a], as a closed interval or null. */
export function intersezione(
  dal: string,
  al: string | null,
  da: string,
  a: string,
): { dal: string; al: string } | null {
  const inizio = dal > da ? dal : da;
  const fine = al === null || al > a ? a : al;
  return inizio <= fine ? { dal: inizio, al: fine } : null;
}

export function giorniTra(dal: string, al: string): number {
  return numeroGiorno(al) - numeroGiorno(dal) + 1;
}
