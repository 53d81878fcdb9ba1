import { quotaMensile, verificaCumulo } from './cumulo';

const misure = ['b1', 'b2', 'bonus-assistenti-familiari', 'dopo-di-noi'] as const;

describe('cumulation per assistant, rule 10 (unit)', () => {
  it('B2 + Bonus + Dopo di Noi within the wage cost: paid as asked', () => {
    const e = verificaCumulo({
      costoMensileCentesimi: 150_000,
      misure,
      richiestoCentesimi: 80_000,
      altri: [
        { misura: 'bonus-assistenti-familiari', riferimento: 'bonus-1', mensileCentesimi: 20_000 },
        { misura: 'dopo-di-noi', riferimento: 'ddn-1', mensileCentesimi: 50_000 },
      ],
    });
    expect(e).toMatchObject({ esito: 'entro-costo', altriCentesimi: 70_000, ammessoCentesimi: 80_000 });
  });

  it('above the wage cost: reduced to the room left, none when there is none', () => {
    const ridotto = verificaCumulo({
      costoMensileCentesimi: 120_000,
      misure,
      richiestoCentesimi: 80_000,
      altri: [{ misura: 'bonus-assistenti-familiari', riferimento: 'b', mensileCentesimi: 60_000 }],
    });
    expect(ridotto).toMatchObject({ esito: 'ridotto', ammessoCentesimi: 60_000 });
    expect(ridotto.motivo).toContain('ridotto a € 600,00');
    const nulla = verificaCumulo({
      costoMensileCentesimi: 50_000,
      misure,
      richiestoCentesimi: 10_000,
      altri: [{ misura: 'dopo-di-noi', riferimento: 'd', mensileCentesimi: 50_000 }],
    });
    expect(nulla).toMatchObject({ esito: 'nessuno-spazio', ammessoCentesimi: 0 });
  });

  it('counts only the measures of the rule set', () => {
    const e = verificaCumulo({
      costoMensileCentesimi: 100_000,
      misure: ['b2'],
      richiestoCentesimi: 80_000,
      altri: [{ misura: 'bonus-assistenti-familiari', riferimento: 'b', mensileCentesimi: 60_000 }],
    });
    expect(e.esito).toBe('entro-costo');
  });

  it('spreads a one-off Bonus over its months, rounding up', () => {
    expect(quotaMensile(240_000, 12)).toBe(20_000);
    expect(quotaMensile(100_000, 12)).toBe(8_334);
  });
});
