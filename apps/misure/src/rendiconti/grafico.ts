import { euro } from '../istruttoria/regole/formato';

/*
 * A small accessible SVG bar chart for a report (issue 10, point 8): one horizontal bar per row, its
 * label and value written as text too, a <title> and a <desc> named by aria-labelledby so that a screen
 * reader says what the chart shows. Generated on the server, no script, no external font or style.
 */

export interface VoceGrafico {
  etichetta: string;
  valore: number;
}

export interface Grafico {
  titolo: string;
  descrizione: string;
  voci: readonly VoceGrafico[];
  /** How values are written: euro amounts in cents, or plain counts. */
  unita: 'centesimi' | 'numero';
}

const LARGHEZZA = 640;
const ETICHETTE = 200;
const VALORI = 110;
const RIGA = 28;
const TESTA = 40;

/** XML text escaping: labels come from data (strumenti, comuni), never trusted as markup. */
export function xml(testo: string): string {
  return testo
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const scrivi = (g: Grafico, v: number) => (g.unita === 'centesimi' ? euro(v) : String(v));

export function graficoSvg(g: Grafico): string {
  const altezza = TESTA + Math.max(1, g.voci.length) * RIGA + 10;
  const massimo = Math.max(1, ...g.voci.map((v) => v.valore));
  const spazio = LARGHEZZA - ETICHETTE - VALORI - 20;
  const righe = g.voci.map((v, i) => {
    const y = TESTA + i * RIGA;
    const w = Math.max(v.valore > 0 ? 1 : 0, Math.round((v.valore / massimo) * spazio));
    return [
      `<g role="listitem">`,
      `<text x="${ETICHETTE - 8}" y="${y + 18}" text-anchor="end">${xml(v.etichetta)}</text>`,
      `<rect x="${ETICHETTE}" y="${y + 4}" width="${w}" height="${RIGA - 8}" fill="#1f5f8b"/>`,
      `<text x="${ETICHETTE + w + 6}" y="${y + 18}">${xml(scrivi(g, v.valore))}</text>`,
      `</g>`,
    ].join('');
  });
  const vuoto = g.voci.length === 0 ? `<text x="${ETICHETTE}" y="${TESTA + 18}">Nessun dato</text>` : '';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${LARGHEZZA}" height="${altezza}" viewBox="0 0 ${LARGHEZZA} ${altezza}" role="img" aria-labelledby="titolo descrizione" font-family="sans-serif" font-size="13">`,
    `<title id="titolo">${xml(g.titolo)}</title>`,
    `<desc id="descrizione">${xml(g.descrizione)}</desc>`,
    `<text x="10" y="24" font-size="15" font-weight="bold">${xml(g.titolo)}</text>`,
    `<g role="list">${righe.join('')}</g>`,
    vuoto,
    `</svg>`,
  ].join('');
}
