import { leggiPdf } from '../../test/leggi-pdf';
import { codificaWinAnsi, scriviPdf, spezza } from './pdf-semplice';

describe('scriviPdf', () => {
  it('writes a valid PDF whose text reads back, accents and € included', () => {
    const pdf = scriviPdf({
      titolo: 'Riepilogo',
      creatoIl: new Date('2026-03-01T10:00:00Z'),
      righe: [
        { testo: 'Bonus assistenti familiari', stile: 'titolo' },
        'spazio',
        { testo: 'Importo stimato: € 2.400,00 — l’ISEE è ≤ € 25.000' },
      ],
    });
    const { pagine, righe } = leggiPdf(pdf);
    expect(pagine).toBe(1);
    expect(righe).toEqual([
      'Bonus assistenti familiari',
      'Importo stimato: € 2.400,00 — l’ISEE è <= € 25.000',
      'Pagina 1 di 1',
    ]);
  });

  it('is byte-identical for the same input', () => {
    const doc = { titolo: 'x', creatoIl: new Date(0), righe: [{ testo: 'uno' }] };
    expect(scriviPdf(doc).equals(scriviPdf(doc))).toBe(true);
  });

  it('breaks pages when the text does not fit and numbers them', () => {
    const righe = Array.from({ length: 120 }, (_, i) => ({ testo: `riga ${i + 1}` }));
    const letto = leggiPdf(scriviPdf({ titolo: 'lungo', righe }));
    expect(letto.pagine).toBe(3);
    expect(letto.righe.filter((r) => r.startsWith('riga'))).toHaveLength(120);
    expect(letto.righe.filter((r) => r.startsWith('Pagina'))).toEqual([
      'Pagina 1 di 3',
      'Pagina 2 di 3',
      'Pagina 3 di 3',
    ]);
  });

  it('wraps long text by words and cuts words longer than a line', () => {
    const righe = spezza('parola '.repeat(40), 10, 200);
    expect(righe.length).toBeGreaterThan(1);
    expect(righe.every((r) => r.length <= Math.floor(200 / 5.5))).toBe(true);
    expect(righe.join(' ')).toBe('parola '.repeat(40).trim());
    expect(spezza('x'.repeat(100), 10, 200).join('')).toBe('x'.repeat(100));
  });

  it('keeps Italian letters and replaces what WinAnsi lacks', () => {
    expect(codificaWinAnsi('àèéìòù')).toEqual([0xe0, 0xe8, 0xe9, 0xec, 0xf2, 0xf9]);
    expect(codificaWinAnsi('€')).toEqual([0x80]);
    expect(codificaWinAnsi('≥')).toEqual([0x3e, 0x3d]);
    expect(codificaWinAnsi('漢')).toEqual([0x3f]);
  });
});
