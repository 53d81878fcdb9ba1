import { nonDovuto, type MesePagato } from './non-dovuto';

const giugno: MesePagato = {
  mese: '2025-06-01',
  terminaDal: '2025-07-05',
  causa: 'decesso',
  importoMensileCentesimi: 40_000,
  pagatoCentesimi: 40_000,
  giorniMese: 30,
  giorniDovuti: 30,
  meseParziale: 'pro-rata-giorni',
};

describe('what of a month liquidated was not due after the beneficio ended', () => {
  it('a whole month after the end day is all to recover', () => {
    const r = nonDovuto({ ...giugno, terminaDal: '2025-05-20' });
    expect(r).toMatchObject({ nonDovutoCentesimi: 40_000, dovutoCentesimi: 0, giorniDovuti: 0 });
    expect(r.motivo).toBe(
      'Beneficio terminato dal 2025-05-20 (decesso): nessun giorno del mese 2025-06 era dovuto dei € 400,00 liquidati; da recuperare € 400,00.',
    );
  });

  it('a death within the month: the days before it are due pro rata, the rest is recovered', () => {
    // 9 days (1–9 June) of 30 are due: 400 € × 9 / 30 = 120 €
    const r = nonDovuto({ ...giugno, terminaDal: '2025-06-10' });
    expect(r).toMatchObject({ nonDovutoCentesimi: 28_000, dovutoCentesimi: 12_000, giorniDovuti: 9 });
    expect(r.dettaglio).toMatchObject({ regola: 'REC_MESE_DOPO_FINE', meseParziale: 'pro-rata-giorni' });
  });

  it('a rule set paying nothing for a partial month recovers all of it', () => {
    expect(nonDovuto({ ...giugno, terminaDal: '2025-06-10', meseParziale: 'nessun-importo' })).toMatchObject({
      nonDovutoCentesimi: 40_000,
      dovutoCentesimi: 0,
    });
  });

  it('a month whose own computation already paid fewer days recovers only what the end removes', () => {
    // paid 20 days (a suspension in the last 10), death on the 25th: the 20 days stay due
    const r = nonDovuto({ ...giugno, pagatoCentesimi: 26_667, giorniDovuti: 20, terminaDal: '2025-06-25' });
    expect(r.nonDovutoCentesimi).toBe(0);
    // death on the 11th: 10 of the 20 days paid are due
    expect(
      nonDovuto({ ...giugno, pagatoCentesimi: 26_667, giorniDovuti: 20, terminaDal: '2025-06-11' }),
    ).toMatchObject({ dovutoCentesimi: 13_333, nonDovutoCentesimi: 13_334 });
  });

  it('an end after the month recovers nothing', () => {
    expect(nonDovuto(giugno).nonDovutoCentesimi).toBe(0);
  });
});
