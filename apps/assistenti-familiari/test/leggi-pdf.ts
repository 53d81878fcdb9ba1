import { codificaWinAnsi } from '../src/pdf/pdf-semplice';

/** A reader just strict enough to prove the file's structure: the xref points at each object. */
export function leggiPdf(pdf: Buffer) {
  const testo = pdf.toString('latin1');
  expect(testo.startsWith('%PDF-1.4\n')).toBe(true);
  expect(testo.endsWith('%%EOF\n')).toBe(true);
  const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(testo)![1]);
  expect(testo.slice(startxref, startxref + 5)).toBe('xref\n');
  const [, primo, quanti] = /^xref\n(\d+) (\d+)\n/.exec(testo.slice(startxref))!;
  expect(Number(primo)).toBe(0);
  const voci = testo
    .slice(startxref)
    .split('\n')
    .slice(2, 2 + Number(quanti));
  voci.forEach((voce, n) => {
    expect(voce).toHaveLength(19); // 20 bytes with the line end
    if (n === 0) return expect(voce).toBe('0000000000 65535 f ');
    const offset = Number(voce.slice(0, 10));
    expect(testo.slice(offset, offset + `${n} 0 obj\n`.length)).toBe(`${n} 0 obj\n`);
  });
  expect(testo).toContain(`/Size ${quanti} /Root 1 0 R`);
  // Stream lengths are exact.
  for (const m of testo.matchAll(/<< \/Length (\d+) >>\nstream\n/g)) {
    const inizio = m.index! + m[0].length;
    expect(testo.slice(inizio + Number(m[1]), inizio + Number(m[1]) + 10)).toBe('\nendstream');
  }
  const pagine = Number(/\/Type \/Pages \/Kids \[[^\]]*\] \/Count (\d+)/.exec(testo)![1]);
  const inverso = new Map([...'€‘’“”–—…'].map((ch) => [codificaWinAnsi(ch)[0], ch] as const));
  const righe = [...testo.matchAll(/<([0-9a-f]+)> Tj/g)].map((m) =>
    (m[1].match(/../g) ?? [])
      .map((h) => {
        const b = parseInt(h, 16);
        return inverso.get(b) ?? String.fromCharCode(b);
      })
      .join(''),
  );
  return { pagine, righe };
}
