/*
 * How the fuzz knows a personal value reached a log line: every free text it sends carries a marker
 * (`FZQK` and a counter), and every codice fiscale it makes is a real one (check character included).
 * A log line with a marker or with anything shaped like a codice fiscale is a leak.
 */

export const MARCATORE = 'FZQK';
const MARCATORE_NEL_LOG = /FZQK[0-9A-Z]{0,8}/;

/**
 * A codice fiscale (also omocodico: digits replaced by letters), as the service would normalise it.
 * Checked on the log's raw text: escapes of JSON do not split it.
 */
const CODICE_FISCALE_NEL_LOG =
  /(?<![A-Z0-9])[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z](?![A-Z0-9])/i;

let contatore = 0;

/** A new marker: unique within a run, letters and digits only (valid in any free-text field). */
export function marcatore(): string {
  contatore += 1;
  return `${MARCATORE}${contatore.toString(36).toUpperCase()}`;
}

export interface Fuga {
  file: string;
  riga: number;
  testo: string;
  motivo: 'marcatore' | 'codice fiscale';
}

/** Leaks in one log text (a file's content), at most `massimo`. */
export function fugheNelLog(file: string, testo: string, massimo = 20): Fuga[] {
  const fughe: Fuga[] = [];
  const righe = testo.split('\n');
  for (let i = 0; i < righe.length && fughe.length < massimo; i++) {
    const riga = righe[i];
    const motivo = MARCATORE_NEL_LOG.test(riga)
      ? 'marcatore'
      : CODICE_FISCALE_NEL_LOG.test(riga)
        ? 'codice fiscale'
        : undefined;
    if (motivo) fughe.push({ file, riga: i + 1, testo: riga.slice(0, 2000), motivo });
  }
  return fughe;
}

const DISPARI = [
  1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23,
];
const MESI = 'ABCDEHLMPRST';

/**
 * A valid codice fiscale for a birth date (AAAA-MM-GG), sex and comune (Belfiore code), with
 * surname and name letters of its own (`lettere`: 6 uppercase letters).
 */
export function codiceFiscale(
  lettere: string,
  dataNascita: string,
  sesso: 'M' | 'F',
  belfiore: string,
): string {
  const [anno, mese, giorno] = dataNascita.split('-').map(Number);
  const gg = sesso === 'F' ? giorno + 40 : giorno;
  const base = `${lettere.slice(0, 6)}${String(anno % 100).padStart(2, '0')}${MESI[mese - 1]}${String(gg).padStart(2, '0')}${belfiore}`;
  let somma = 0;
  for (let i = 0; i < 15; i++) {
    const c = base[i];
    const v = /[0-9]/.test(c) ? Number(c) : c.charCodeAt(0) - 65;
    somma += i % 2 === 0 ? DISPARI[v] : v;
  }
  return base + String.fromCharCode(65 + (somma % 26));
}
