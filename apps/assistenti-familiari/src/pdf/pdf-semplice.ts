/*
 * A small PDF 1.4 writer for one-column printable summaries: no PDF library is in the workspace's
 * dependencies (no pdfkit, pdf-lib, jspdf), and a summary needs only text in the standard Helvetica
 * fonts (every reader has them, nothing to embed), line wrapping and page breaks. Text is encoded as
 * WinAnsi (CP1252), which covers Italian accents, € and typographic quotes; a character it lacks is
 * replaced (≤ becomes <=), never dropped silently. Streams are left uncompressed: the files are small
 * and stay readable in a test.
 */

export type StileRiga = 'titolo' | 'sottotitolo' | 'normale' | 'grassetto' | 'nota';

export interface RigaPdf {
  testo: string;
  stile?: StileRiga;
}

export interface DocumentoPdf {
  titolo: string;
  righe: readonly (RigaPdf | 'spazio')[];
  /** Producer and creation date written in the info dictionary (fixed in tests for byte-identical files). */
  creatoIl?: Date;
}

const A4 = { larghezza: 595.28, altezza: 841.89 };
const MARGINE = 56;
const STILI: Record<StileRiga, { font: 'F1' | 'F2'; corpo: number }> = {
  titolo: { font: 'F2', corpo: 16 },
  sottotitolo: { font: 'F2', corpo: 12 },
  normale: { font: 'F1', corpo: 10 },
  grassetto: { font: 'F2', corpo: 10 },
  nota: { font: 'F1', corpo: 8 },
};

/** CP1252 code points 0x80–0x9F that differ from Latin-1. */
const WIN_ANSI: Record<string, number> = {
  '€': 0x80,
  '‚': 0x82,
  ƒ: 0x83,
  '„': 0x84,
  '…': 0x85,
  '†': 0x86,
  '‡': 0x87,
  ˆ: 0x88,
  '‰': 0x89,
  Š: 0x8a,
  '‹': 0x8b,
  Œ: 0x8c,
  Ž: 0x8e,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '•': 0x95,
  '–': 0x96,
  '—': 0x97,
  '˜': 0x98,
  '™': 0x99,
  š: 0x9a,
  '›': 0x9b,
  œ: 0x9c,
  ž: 0x9e,
  Ÿ: 0x9f,
};
const SOSTITUTI: Record<string, string> = { '≤': '<=', '≥': '>=', '×': 'x', '→': '->', '·': '.' };

/** The text as WinAnsi bytes; characters outside it become their substitute or `?`. */
export function codificaWinAnsi(testo: string): number[] {
  const bytes: number[] = [];
  for (const ch of testo.normalize('NFC')) {
    const code = ch.codePointAt(0)!;
    if (WIN_ANSI[ch] !== undefined) bytes.push(WIN_ANSI[ch]);
    else if ((code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff)) bytes.push(code);
    else if (SOSTITUTI[ch]) bytes.push(...codificaWinAnsi(SOSTITUTI[ch]));
    else if (ch === '\t') bytes.push(0x20);
    else bytes.push(0x3f); // '?'
  }
  return bytes;
}

/**
 * Splits a text into lines that fit `larghezza` points, by a conservative average glyph width of
 * Helvetica (0.55 em: wider than most Italian text, so lines never overflow the margin).
 */
export function spezza(testo: string, corpo: number, larghezza: number): string[] {
  const massimo = Math.max(10, Math.floor(larghezza / (corpo * 0.55)));
  const righe: string[] = [];
  let corrente = '';
  for (const parola of testo.split(/\s+/).filter(Boolean)) {
    if (!corrente) corrente = parola;
    else if (corrente.length + 1 + parola.length <= massimo) corrente += ` ${parola}`;
    else {
      righe.push(corrente);
      corrente = parola;
    }
    while (corrente.length > massimo) {
      righe.push(corrente.slice(0, massimo));
      corrente = corrente.slice(massimo);
    }
  }
  if (corrente || righe.length === 0) righe.push(corrente);
  return righe;
}

const hex = (bytes: number[]) => bytes.map((b) => b.toString(16).padStart(2, '0')).join('');

/** Page content streams: each line placed top to bottom, a new page when the next does not fit. */
function impagina(righe: DocumentoPdf['righe']): string[] {
  const pagine: string[][] = [[]];
  const larghezza = A4.larghezza - 2 * MARGINE;
  let y = A4.altezza - MARGINE;
  const aCapo = (altezza: number) => {
    if (y - altezza < MARGINE) {
      pagine.push([]);
      y = A4.altezza - MARGINE;
    }
    y -= altezza;
  };
  for (const riga of righe) {
    if (riga === 'spazio') {
      y -= 8;
      continue;
    }
    const stile = STILI[riga.stile ?? 'normale'];
    for (const pezzo of spezza(riga.testo, stile.corpo, larghezza)) {
      aCapo(stile.corpo * 1.4);
      pagine[pagine.length - 1].push(
        `BT /${stile.font} ${stile.corpo} Tf ${MARGINE} ${y.toFixed(2)} Td <${hex(codificaWinAnsi(pezzo))}> Tj ET`,
      );
    }
  }
  return pagine.map((p, i) =>
    [
      ...p,
      `BT /F1 8 Tf ${MARGINE} ${(MARGINE / 2).toFixed(2)} Td <${hex(codificaWinAnsi(`Pagina ${i + 1} di ${pagine.length}`))}> Tj ET`,
    ].join('\n'),
  );
}

const dataPdf = (d: Date) => `D:${d.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;

/** The PDF file's bytes. */
export function scriviPdf(documento: DocumentoPdf): Buffer {
  const contenuti = impagina(documento.righe);
  // Object numbers: 1 catalog, 2 pages, 3 and 4 fonts, 5 info, then a page and its content per page.
  const oggetti: string[] = [];
  const pagina = (i: number) => 6 + 2 * i;
  oggetti[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  oggetti[2] = `<< /Type /Pages /Kids [${contenuti.map((_, i) => `${pagina(i)} 0 R`).join(' ')}] /Count ${contenuti.length} >>`;
  oggetti[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  oggetti[4] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>';
  oggetti[5] = `<< /Title <${hex([0xfe, 0xff, ...utf16be(documento.titolo)])}> /Producer (Ambito) /CreationDate (${dataPdf(documento.creatoIl ?? new Date())}) >>`;
  contenuti.forEach((contenuto, i) => {
    oggetti[pagina(i)] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${A4.larghezza} ${A4.altezza}] ` +
      `/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${pagina(i) + 1} 0 R >>`;
    oggetti[pagina(i) + 1] =
      `<< /Length ${Buffer.byteLength(contenuto, 'latin1')} >>\nstream\n${contenuto}\nendstream`;
  });

  // Every byte is ASCII from here on (text went into hex strings), so string length = byte offset.
  let file = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  for (let n = 1; n < oggetti.length; n++) {
    offsets[n] = Buffer.byteLength(file, 'latin1');
    file += `${n} 0 obj\n${oggetti[n]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(file, 'latin1');
  file += `xref\n0 ${oggetti.length}\n0000000000 65535 f \n`;
  for (let n = 1; n < oggetti.length; n++) file += `${String(offsets[n]).padStart(10, '0')} 00000 n \n`;
  file += `trailer\n<< /Size ${oggetti.length} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(file, 'latin1');
}

function utf16be(testo: string): number[] {
  const bytes: number[] = [];
  for (let i = 0; i < testo.length; i++) {
    const c = testo.charCodeAt(i);
    bytes.push(c >> 8, c & 0xff);
  }
  return bytes;
}
