import { calcolaMese, type InputMese } from './calcolo-mese';

type Modifica = Partial<Omit<InputMese, 'beneficio'>> & { beneficio?: Partial<InputMese['beneficio']> };

const base = (modifica: Modifica = {}): InputMese => ({
  mese: '2025-04-01',
  meseParziale: 'pro-rata-giorni',
  sospensioni: [],
  ...modifica,
  beneficio: {
    dal: '2025-01-01',
    al: '2025-12-31',
    importoMensileCentesimi: 40_000,
    terminaDal: null,
    causaFine: null,
    iseeValidoAl: '2025-12-31',
    ...modifica.beneficio,
  },
});

const codici = (r: ReturnType<typeof calcolaMese>) =>
  Object.fromEntries(r.regole.map((x) => [x.codice, x.esito]));

describe('calcolaMese (unit)', () => {
  it('pays the whole monthly amount for a month of care at home', () => {
    const r = calcolaMese(base());
    expect(r).toMatchObject({
      esito: 'dovuto',
      importoDovutoCentesimi: 40_000,
      giorniMese: 30,
      giorniDovuti: 30,
      motivo: 'Mese interamente dovuto: € 400,00',
    });
    expect(codici(r)).toEqual({
      PERIODO_BENEFICIO: 'soddisfatta',
      FINE_BENEFICIO: 'soddisfatta',
      SOSPENSIONI: 'soddisfatta',
      ISEE_VALIDO: 'soddisfatta',
    });
  });

  it('pays pro rata the days of a month the beneficio starts in', () => {
    const r = calcolaMese(base({ beneficio: { dal: '2025-04-11' } }));
    // 20 of 30 days: 400 × 20 / 30 = 266.666… → 266.66 (rounded down to the cent).
    expect(r).toMatchObject({ esito: 'ridotto', giorniDovuti: 20, importoDovutoCentesimi: 26_666 });
    expect(r.regole.find((x) => x.codice === 'PERIODO_BENEFICIO')).toEqual({
      codice: 'PERIODO_BENEFICIO',
      esito: 'non-soddisfatta',
      motivo: 'Il beneficio va dal 11/04/2025 al 31/12/2025: 10 giorni del mese ne sono fuori',
    });
    expect(r.motivo).toBe('Mese dovuto in parte: € 400,00 × 20/30 giorni = € 266,66');
  });

  it('pays nothing for a month outside the period', () => {
    const r = calcolaMese(base({ mese: '2026-01-01' }));
    expect(r).toMatchObject({
      esito: 'non-dovuto',
      importoDovutoCentesimi: 0,
      giorniDovuti: 0,
      giorniMese: 31,
    });
  });

  it('pays pro rata around a suspension (sollievo beyond the limit), with its cause and days', () => {
    const r = calcolaMese(
      base({
        sospensioni: [{ id: 's1', causa: 'sollievo-oltre-limite', dal: '2025-04-21', al: '2025-05-10' }],
      }),
    );
    expect(r).toMatchObject({ esito: 'ridotto', giorniDovuti: 20, importoDovutoCentesimi: 26_666 });
    expect(r.regole.find((x) => x.codice === 'SOSPENSIONI')?.motivo).toBe(
      'ricovero di sollievo oltre i giorni annui ammessi dal 21/04/2025 al 10/05/2025 (10 giorni del mese)',
    );
  });

  it('pays nothing for a partial month when the rule set says so', () => {
    const r = calcolaMese(
      base({
        meseParziale: 'nessun-importo',
        sospensioni: [{ id: 's1', causa: 'residenza-fuori-ambito', dal: '2025-04-30', al: null }],
      }),
    );
    expect(r).toMatchObject({ esito: 'non-dovuto', importoDovutoCentesimi: 0, giorniDovuti: 29 });
    expect(codici(r).MESE_PARZIALE).toBe('non-soddisfatta');
  });

  it('pays nothing for a month wholly suspended (open suspension)', () => {
    const r = calcolaMese(
      base({ sospensioni: [{ id: 's1', causa: 'misura-incompatibile', dal: '2025-03-15', al: null }] }),
    );
    expect(r).toMatchObject({ esito: 'non-dovuto', importoDovutoCentesimi: 0, giorniDovuti: 0 });
  });

  it('counts overlapping suspensions once', () => {
    const r = calcolaMese(
      base({
        sospensioni: [
          { id: 's1', causa: 'misura-incompatibile', dal: '2025-04-01', al: '2025-04-10' },
          { id: 's2', causa: 'altro', dal: '2025-04-06', al: '2025-04-15' },
        ],
      }),
    );
    expect(r.giorniDovuti).toBe(15);
  });

  it('stops on the day of death (cessazione) and pays the days before it', () => {
    const r = calcolaMese(base({ beneficio: { terminaDal: '2025-04-16', causaFine: 'decesso' } }));
    expect(r).toMatchObject({ esito: 'ridotto', giorniDovuti: 15, importoDovutoCentesimi: 20_000 });
    expect(r.regole.find((x) => x.codice === 'FINE_BENEFICIO')?.motivo).toBe(
      'Beneficio cessato per decesso dal 16/04/2025: 15 giorni del mese non dovuti',
    );
  });

  it('pays nothing after a revoca (definitive residential admission)', () => {
    const r = calcolaMese(
      base({ beneficio: { terminaDal: '2025-03-01', causaFine: 'ricovero-definitivo' } }),
    );
    expect(r).toMatchObject({ esito: 'non-dovuto', importoDovutoCentesimi: 0 });
    expect(codici(r).FINE_BENEFICIO).toBe('non-soddisfatta');
  });

  it('stops after the ISEE expired and was not renewed', () => {
    const r = calcolaMese(base({ mese: '2025-12-01', beneficio: { iseeValidoAl: '2025-12-10' } }));
    expect(r).toMatchObject({
      esito: 'ridotto',
      giorniMese: 31,
      giorniDovuti: 10,
      importoDovutoCentesimi: 12_903,
    });
    expect(r.regole.find((x) => x.codice === 'ISEE_VALIDO')?.motivo).toBe(
      'ISEE scaduto il 10/12/2025 e non rinnovato: 21 giorni del mese non dovuti',
    );
  });

  it('marks an unknown ISEE validity to be verified but pays the month', () => {
    const r = calcolaMese(base({ beneficio: { iseeValidoAl: null } }));
    expect(r.esito).toBe('dovuto');
    expect(codici(r).ISEE_VALIDO).toBe('da-verificare');
  });

  it('counts February and leap years', () => {
    expect(calcolaMese(base({ mese: '2025-02-01' })).giorniMese).toBe(28);
    expect(
      calcolaMese(
        base({ mese: '2028-02-01', beneficio: { dal: '2028-01-01', al: '2028-12-31', iseeValidoAl: null } }),
      ).giorniMese,
    ).toBe(29);
  });

  it('is reproducible: the same inputs give the same result', () => {
    const input = base({ sospensioni: [{ id: 's', causa: 'altro', dal: '2025-04-03', al: '2025-04-04' }] });
    expect(calcolaMese(structuredClone(input))).toEqual(calcolaMese(input));
  });
});
