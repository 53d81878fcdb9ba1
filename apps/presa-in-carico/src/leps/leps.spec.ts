import type { ParametriLepsAsV1 } from '@ambito/contracts';
import { calcolaLepsAs } from './leps';

const L178: ParametriLepsAsV1 = {
  abitantiPerAsSogliaMinima: 6500,
  abitantiPerAsObiettivo: 5000,
  abitantiPerAsObiettivoUlteriore: 4000,
  contributoFascia1Centesimi: 4_000_000,
  contributoFascia2Centesimi: 2_000_000,
  atto: 'L. 178/2020',
};

describe('LEPS servizio sociale professionale', () => {
  // 130,000 inhabitants: 20 AS at 1:6,500, 26 at 1:5,000, 32.5 at 1:4,000.
  it('earns nothing below the 1:6,500 threshold', () => {
    expect(calcolaLepsAs(130_000, 18, L178)).toMatchObject({
      fascia: 'sotto-soglia-minima',
      abitantiPerAssistenteSociale: 7222,
      asMancantiObiettivo: 8,
      unitaFascia1: 0,
      contributoAttesoCentesimi: 0,
    });
    expect(calcolaLepsAs(130_000, 0, L178)).toMatchObject({
      fascia: 'sotto-soglia-minima',
      abitantiPerAssistenteSociale: null,
    });
  });

  it('pays 40,000 € per AS between 1:6,500 and 1:5,000', () => {
    expect(calcolaLepsAs(130_000, 23.5, L178)).toMatchObject({
      fascia: 'verso-obiettivo',
      unitaFascia1: 3.5,
      unitaFascia2: 0,
      asMancantiObiettivo: 2.5,
      contributoAttesoCentesimi: 14_000_000,
    });
  });

  it('pays 20,000 € per AS between 1:5,000 and 1:4,000, and nothing beyond', () => {
    expect(calcolaLepsAs(130_000, 30, L178)).toMatchObject({
      fascia: 'obiettivo-raggiunto',
      unitaFascia1: 6,
      unitaFascia2: 4,
      contributoAttesoCentesimi: 6 * 4_000_000 + 4 * 2_000_000,
    });
    expect(calcolaLepsAs(130_000, 40, L178)).toMatchObject({
      fascia: 'obiettivo-ulteriore-raggiunto',
      unitaFascia1: 6,
      unitaFascia2: 6.5,
      contributoAttesoCentesimi: 6 * 4_000_000 + 6.5 * 2_000_000,
    });
  });

  it('follows the parameters it is given (law as data)', () => {
    expect(
      calcolaLepsAs(130_000, 23.5, { ...L178, contributoFascia1Centesimi: 3_000_000 })
        .contributoAttesoCentesimi,
    ).toBe(10_500_000);
  });
});
