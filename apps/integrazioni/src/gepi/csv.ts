/**
 * CSV as GePI and Italian spreadsheets write it: `;` separator, fields optionally in double quotes
 * (a quote doubled inside), CRLF or LF line ends, an optional UTF-8 BOM. No library of the workspace
 * reads CSV, and this much of RFC 4180 is all the GePI exports need.
 */
export const SEPARATORE = ';';

export class CsvNonValido extends Error {}

/** The records of the text, each a list of cells, with the 1-based line each record starts on. */
export function leggiCsv(testo: string): { riga: number; celle: string[] }[] {
  const s = testo.replace(/^\ufeff/, '');
  const record: { riga: number; celle: string[] }[] = [];
  let celle: string[] = [];
  let cella = '';
  let tra = false;
  let riga = 1;
  let inizio = 1;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (tra) {
      if (c === '"') {
        if (s[i + 1] === '"') {
          cella += '"';
          i++;
        } else tra = false;
      } else {
        if (c === '\n') riga++;
        cella += c;
      }
    } else if (c === '"' && cella === '') tra = true;
    else if (c === SEPARATORE) {
      celle.push(cella);
      cella = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      celle.push(cella);
      record.push({ riga: inizio, celle });
      celle = [];
      cella = '';
      riga++;
      inizio = riga;
    } else cella += c;
  }
  if (tra) throw new CsvNonValido(`virgolette non chiuse nel record che inizia alla riga ${inizio}`);
  if (cella !== '' || celle.length > 0) {
    celle.push(cella);
    record.push({ riga: inizio, celle });
  }
  // Blank lines (an empty record) are not rows.
  return record.filter((r) => r.celle.some((x) => x.trim() !== ''));
}

/**
 * One cell to write: quoted when it holds the separator, a quote or a line break; a leading = + - @
 * (a formula to a spreadsheet) is neutralised with an apostrophe, since operators open the file in one.
 */
export function cellaCsv(valore: string | number | null): string {
  let testo = valore === null ? '' : String(valore);
  if (/^[=+\-@\t\r]/.test(testo)) testo = `'${testo}`;
  return /[";\r\n]/.test(testo) ? `"${testo.replace(/"/g, '""')}"` : testo;
}

export function scriviCsv(righe: (string | number | null)[][]): string {
  return righe.map((r) => r.map(cellaCsv).join(SEPARATORE)).join('\r\n') + '\r\n';
}
