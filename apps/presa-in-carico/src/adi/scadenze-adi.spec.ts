import { motivoNonRegistrabile, scadenzeAdi, type ParametroAdi } from './scadenze-adi';

const PARAMETRI: ParametroAdi[] = [
  {
    codice: 'adi.presa-in-carico.giorni-legali',
    validoDal: '2024-01-01',
    validoAl: null,
    valore: 120,
    atto: 'DL 48/2023',
  },
  {
    codice: 'adi.presa-in-carico.giorni-raccomandati',
    validoDal: '2024-05-02',
    validoAl: null,
    valore: 60,
    atto: 'DM 72/2024',
  },
  { codice: 'adi.verifica.giorni', validoDal: '2024-01-01', validoAl: null, valore: 90, atto: 'DL 48/2023' },
];

describe('scadenzeAdi', () => {
  it('sets the presa in carico at PAD + 120 days by law and + 60 recommended, naming the parameter used', () => {
    const s = scadenzeAdi(
      { dataPad: '2025-03-01', primaValutazione: null, pattoApprovatoIl: null, verifiche: [] },
      PARAMETRI,
      '2025-04-01',
    );
    expect(s).toEqual([
      expect.objectContaining({ tipo: 'presa-in-carico-legale', scadenza: '2025-06-29', stato: 'aperta' }),
      expect.objectContaining({
        tipo: 'presa-in-carico-raccomandata',
        scadenza: '2025-04-30',
        stato: 'aperta',
      }),
    ]);
    expect(s[0].parametro).toEqual({
      codice: 'adi.presa-in-carico.giorni-legali',
      validoDal: '2024-01-01',
      giorni: 120,
      atto: 'DL 48/2023',
    });
  });

  it('is overdue the day after the deadline, met once the first valutazione is recorded', () => {
    const fatti = { dataPad: '2025-03-01', primaValutazione: null, pattoApprovatoIl: null, verifiche: [] };
    expect(scadenzeAdi(fatti, PARAMETRI, '2025-04-30')[1].stato).toBe('aperta');
    expect(scadenzeAdi(fatti, PARAMETRI, '2025-05-01')[1].stato).toBe('scaduta');
    const incontrato = scadenzeAdi({ ...fatti, primaValutazione: '2025-05-10' }, PARAMETRI, '2025-07-01');
    expect(incontrato.map((s) => [s.stato, s.rispettataIl])).toEqual([
      ['rispettata', '2025-05-10'],
      ['rispettata', '2025-05-10'],
    ]);
  });

  it('uses the parameter in force on the PAD: no recommended deadline before the DM 72/2024', () => {
    const s = scadenzeAdi(
      { dataPad: '2024-02-01', primaValutazione: null, pattoApprovatoIl: null, verifiche: [] },
      PARAMETRI,
      '2024-03-01',
    );
    expect(s.map((x) => x.tipo)).toEqual(['presa-in-carico-legale']);
  });

  it('follows up every 90 days from the patto, then from the latest verifica', () => {
    const base = {
      dataPad: '2025-01-10',
      primaValutazione: '2025-02-01',
      pattoApprovatoIl: '2025-02-15',
      verifiche: [],
    };
    expect(scadenzeAdi(base, PARAMETRI, '2025-05-01').at(-1)).toMatchObject({
      tipo: 'verifica-periodica',
      scadenza: '2025-05-16',
      stato: 'aperta',
    });
    expect(scadenzeAdi(base, PARAMETRI, '2025-05-17').at(-1)?.stato).toBe('scaduta');
    expect(scadenzeAdi({ ...base, verifiche: ['2025-05-10'] }, PARAMETRI, '2025-05-17').at(-1)).toMatchObject(
      {
        scadenza: '2025-08-08',
        stato: 'aperta',
      },
    );
  });

  it('a new version of the law applies to the PADs from its date, the old one to those before', () => {
    const parametri: ParametroAdi[] = [
      { ...PARAMETRI[0], validoAl: '2025-12-31' },
      { ...PARAMETRI[0], validoDal: '2026-01-01', valore: 90, atto: 'nuovo atto' },
    ];
    const prima = scadenzeAdi(
      { dataPad: '2025-12-31', primaValutazione: null, pattoApprovatoIl: null, verifiche: [] },
      parametri,
      '2026-01-01',
    );
    const dopo = scadenzeAdi(
      { dataPad: '2026-01-01', primaValutazione: null, pattoApprovatoIl: null, verifiche: [] },
      parametri,
      '2026-01-01',
    );
    expect(prima[0].parametro.giorni).toBe(120);
    expect(dopo[0].parametro).toMatchObject({ giorni: 90, atto: 'nuovo atto' });
  });

  it('refuses a household whose PAD predates every legal parameter', () => {
    expect(motivoNonRegistrabile('2023-12-31', PARAMETRI)).toMatch(/nessuna regola ADI/);
    expect(motivoNonRegistrabile('2024-01-01', PARAMETRI)).toBeNull();
  });
});
