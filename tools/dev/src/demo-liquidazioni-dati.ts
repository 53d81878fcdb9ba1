/*
 * The pure part of the liquidazioni demo (demo-liquidazioni.ts): the months it runs, relative to today
 * in Italy, and fictional Italian IBANs that pass the checks a bank would make (CIN and ISO 13616).
 */

/** First day of the month `n` months before the month of `giorno` (AAAA-MM-GG). */
export function meseIndietro(giorno: string, n: number): string {
  const [anno, mese] = giorno.split('-').map(Number);
  const indice = anno * 12 + (mese - 1) - n;
  return `${Math.floor(indice / 12)}-${String((indice % 12) + 1).padStart(2, '0')}-01`;
}

/** `giorno` + `n` days (calendar days, AAAA-MM-GG). */
export function piuGiorni(giorno: string, n: number): string {
  return new Date(Date.parse(`${giorno}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The months of the demo: the B2 benefici start two months ago (`decorrenza`), so that a month is paid
 * before the late news of a death is learnt (`pagato`) and last month (`scorso`) is run after it.
 */
export function mesiDemo(oggi: string): { decorrenza: string; pagato: string; scorso: string } {
  return { decorrenza: meseIndietro(oggi, 2), pagato: meseIndietro(oggi, 2), scorso: meseIndietro(oggi, 1) };
}

// The CIN of an Italian BBAN: the odd positions through this table, the even ones at their value.
const DISPARI = [
  1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23,
];
const valore = (c: string) => (c >= '0' && c <= '9' ? Number(c) : c.charCodeAt(0) - 65);

/** The CIN letter of ABI + CAB + conto (22 characters). */
export function cin(abiCabConto: string): string {
  let somma = 0;
  for (const [i, c] of [...abiCabConto.toUpperCase()].entries())
    somma += i % 2 === 0 ? DISPARI[valore(c)] : valore(c);
  return String.fromCharCode(65 + (somma % 26));
}

/** The two ISO 13616 check digits of a country and a BBAN (mod 97 of BBAN + country + 00). */
export function cifreControllo(paese: string, bban: string): string {
  const numeri = [...`${bban}${paese}00`.toUpperCase()]
    .map((c) => (c >= '0' && c <= '9' ? c : String(c.charCodeAt(0) - 55)))
    .join('');
  let resto = 0;
  for (const c of numeri) resto = (resto * 10 + Number(c)) % 97;
  return String(98 - resto).padStart(2, '0');
}

/** A fictional Italian IBAN (bank 05034, branch 56840: a Crema branch code) for account number `n`. */
export function ibanDemo(n: number, abi = '05034', cab = '56840'): string {
  const conto = String(n).padStart(12, '0');
  const bban = `${cin(abi + cab + conto)}${abi}${cab}${conto}`;
  return `IT${cifreControllo('IT', bban)}${bban}`;
}
