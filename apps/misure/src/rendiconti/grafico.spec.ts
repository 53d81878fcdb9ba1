import { graficoSvg } from './grafico';

describe('report chart (unit)', () => {
  it('is an accessible SVG: role img, title and desc named by aria-labelledby, values as text', () => {
    const svg = graficoSvg({
      titolo: 'Importi per strumento',
      descrizione: 'Buono caregiver € 1.200,00; buono assistente € 800,00',
      unita: 'centesimi',
      voci: [
        { etichetta: 'buono-caregiver', valore: 120_000 },
        { etichetta: 'buono-assistente-familiare', valore: 80_000 },
      ],
    });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('role="img" aria-labelledby="titolo descrizione"');
    expect(svg).toContain('<title id="titolo">Importi per strumento</title>');
    expect(svg).toContain(
      '<desc id="descrizione">Buono caregiver € 1.200,00; buono assistente € 800,00</desc>',
    );
    expect(svg).toContain('>€ 1.200,00</text>');
    // The largest value takes the whole width, the others in proportion.
    const larghezze = [...svg.matchAll(/<rect [^>]*width="(\d+)"/g)].map((m) => Number(m[1]));
    expect(larghezze[0]).toBe(310);
    expect(larghezze[1]).toBe(Math.round((80_000 / 120_000) * 310));
    expect(svg.length).toBeLessThan(4_000);
  });

  it('escapes labels and says when there is nothing', () => {
    const svg = graficoSvg({ titolo: 'A & <B>', descrizione: 'x', unita: 'numero', voci: [] });
    expect(svg).toContain('<title id="titolo">A &amp; &lt;B&gt;</title>');
    expect(svg).toContain('Nessun dato');
  });
});
