import { inizioRicoveroDefinitivo, sospensioniSollievo, type RicoveroDellaPersona } from './ricoveri';

const LIMITI = { giorniMassimiAdulti: 60, giorniMassimiMinori: 90, etaMaggiore: 18 };
const sollievo = (id: string, dal: string, al: string | null): RicoveroDellaPersona => ({
  id,
  tipo: 'sollievo',
  dal,
  al,
});

describe('sospensioniSollievo (unit)', () => {
  it('suspends nothing within 60 days a year for an adult', () => {
    expect(
      sospensioniSollievo(
        [sollievo('a', '2025-02-01', '2025-03-02'), sollievo('b', '2025-05-01', '2025-05-30')],
        '1950-06-01',
        LIMITI,
      ),
    ).toEqual([]);
  });

  it('suspends the days beyond the 60th of the year, from the 61st', () => {
    const [s, ...altre] = sospensioniSollievo(
      [sollievo('a', '2025-02-01', '2025-03-02'), sollievo('b', '2025-05-01', '2025-06-09')],
      '1950-06-01',
      LIMITI,
    );
    expect(altre).toEqual([]);
    // 30 days in February–March; 30 more allowed: 1–30 May; suspended 31 May – 9 June.
    expect(s).toEqual({
      fonte: 'ricovero:b:2025',
      dal: '2025-05-31',
      al: '2025-06-09',
      dettaglio: {
        ricoveroId: 'b',
        anno: 2025,
        minore: false,
        limiteGiorni: 60,
        giorniGiaUsati: 30,
        giorniRicovero: 40,
      },
    });
  });

  it('allows 90 days to a minor', () => {
    expect(sospensioniSollievo([sollievo('a', '2025-01-01', '2025-03-31')], '2015-01-01', LIMITI)).toEqual(
      [],
    );
    const [s] = sospensioniSollievo([sollievo('a', '2025-01-01', '2025-04-01')], '2015-01-01', LIMITI);
    expect(s).toMatchObject({
      dal: '2025-04-01',
      al: '2025-04-01',
      dettaglio: { minore: true, limiteGiorni: 90 },
    });
  });

  it('keeps an open ricovero’s suspension open from the day after the limit', () => {
    const [s] = sospensioniSollievo([sollievo('a', '2025-03-01', null)], '1950-06-01', LIMITI);
    expect(s).toMatchObject({ dal: '2025-04-30', al: null });
  });

  it('counts each calendar year on its own', () => {
    const r = sospensioniSollievo([sollievo('a', '2024-11-01', '2025-02-15')], '1950-06-01', LIMITI);
    // 2024: 1 Nov – 31 Dec = 61 days, the 61st suspended; 2025: 46 days, within the limit.
    expect(r).toEqual([
      expect.objectContaining({ fonte: 'ricovero:a:2024', dal: '2024-12-31', al: '2024-12-31' }),
    ]);
  });

  it('ignores hospital stays (compatible) and a definitive admission (a revoca, not a suspension)', () => {
    expect(
      sospensioniSollievo(
        [
          { id: 'h', tipo: 'ospedaliero', dal: '2025-01-01', al: '2025-06-30' },
          { id: 'd', tipo: 'residenziale-definitivo', dal: '2025-07-01', al: null },
        ],
        '1950-06-01',
        LIMITI,
      ),
    ).toEqual([]);
  });
});

describe('inizioRicoveroDefinitivo (unit)', () => {
  const periodo = { dal: '2025-01-01', al: '2025-12-31' };
  it('is the first day of a definitive admission within the period', () => {
    expect(
      inizioRicoveroDefinitivo(
        [{ id: 'd', tipo: 'residenziale-definitivo', dal: '2025-07-10', al: null }],
        periodo,
      ),
    ).toBe('2025-07-10');
  });
  it('is null for a sollievo, and for a definitive admission that ended before the period', () => {
    expect(inizioRicoveroDefinitivo([sollievo('a', '2025-02-01', null)], periodo)).toBeNull();
    expect(
      inizioRicoveroDefinitivo(
        [{ id: 'd', tipo: 'residenziale-definitivo', dal: '2024-01-01', al: '2024-03-01' }],
        periodo,
      ),
    ).toBeNull();
  });
});
