import 'reflect-metadata';
import { DatiIstanzaV1, validaContratto } from '@ambito/contracts';
import { generaIstanzeB2 } from './istanze-generate';

describe('generaIstanzeB2', () => {
  const istanze = generaIstanzeB2(2000, { annualita: 2025, seme: 7 });

  it('gives the same istanze for the same seed, other ones for another seed', () => {
    expect(generaIstanzeB2(50, { annualita: 2025, seme: 7 })).toEqual(istanze.slice(0, 50));
    expect(generaIstanzeB2(50, { annualita: 2025, seme: 8 })).not.toEqual(istanze.slice(0, 50));
  });

  it('produces inputs the contract accepts', async () => {
    for (const { dati } of istanze.slice(0, 300))
      await expect(validaContratto(DatiIstanzaV1, dati)).resolves.toBeDefined();
  });

  it('spreads the three areas and the strumenti each area offers', () => {
    const quota = (area: string) => istanze.filter((i) => i.area === area).length / istanze.length;
    expect(quota('anziani')).toBeGreaterThan(0.45);
    expect(quota('disabili-adulti')).toBeGreaterThan(0.2);
    expect(quota('minori')).toBeGreaterThan(0.08);
    expect(istanze.filter((i) => i.strumento === 'voucher-minori').every((i) => i.area === 'minori')).toBe(
      true,
    );
    expect(
      istanze
        .filter((i) => i.strumento === 'buono-assistente-familiare')
        .every((i) => i.dati.contrattoAssistente),
    ).toBe(true);
  });

  it('leaves the cases an istruttoria must refuse or send to an operator', () => {
    const soglia = (i: (typeof istanze)[number]) => (i.area === 'minori' ? 4_000_000 : 2_500_000);
    expect(istanze.some((i) => i.dati.isee[0].valoreCentesimi > soglia(i))).toBe(true);
    expect(istanze.some((i) => i.dati.isee[0].dataPresentazione < '2025-01-01')).toBe(true);
    expect(istanze.some((i) => i.dati.altreMisure.some((m) => m.misura === 'b1'))).toBe(true);
    expect(istanze.some((i) => i.dati.isee[0].difformita)).toBe(true);
  });
});
