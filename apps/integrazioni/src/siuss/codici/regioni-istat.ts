/*
 * The region of a comune from its ISTAT code (the first three digits are the province): SIUSS wants
 * CodiceRegione with CodiceComune for residents in Italy. Data, not logic: the provinces of Lombardia
 * (ISTAT, codici delle unità territoriali, [V]); a comune elsewhere is added here when the Ambito
 * serves one.
 */
const PROVINCE_PER_REGIONE: Readonly<Record<string, readonly string[]>> = {
  // Lombardia: Varese, Como, Sondrio, Milano, Bergamo, Brescia, Pavia, Cremona, Mantova, Lecco, Lodi, Monza e Brianza.
  '03': ['012', '013', '014', '015', '016', '017', '018', '019', '020', '097', '098', '108'],
};

export function regioneDelComune(codiceIstat: string): string | null {
  const provincia = codiceIstat.slice(0, 3);
  const trovata = Object.entries(PROVINCE_PER_REGIONE).find(([, province]) => province.includes(provincia));
  return trovata ? trovata[0] : null;
}
