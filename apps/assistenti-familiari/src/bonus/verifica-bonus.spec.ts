import { regoleBonusInVigore, REGOLE_BONUS } from './regole-bonus';
import { anniCompiuti, euro, verificaBonus, type DatiVerificaBonus } from './verifica-bonus';

const REGOLE = regoleBonusInVigore('2026-03-01');

const dati = (d: Partial<DatiVerificaBonus> = {}): DatiVerificaBonus => ({
  giorno: '2026-03-01',
  richiedente: 'assistito',
  richiedenteIntestatario: true,
  isee: { titolare: 'assistito', valoreCentesimi: 1_800_000 },
  assistenteIscritto: true,
  contrattoRegolare: true,
  residenteInLombardiaDal: '2010-05-01',
  speseAmmissibiliCentesimi: 1_000_000,
  ...d,
});

const requisito = (esito: ReturnType<typeof verificaBonus>, r: string) =>
  esito.requisiti.find((x) => x.requisito === r)!;

describe('verificaBonus (rule 22, version 2022)', () => {
  it('uses the 2022 version for a check in 2026', () => {
    expect(REGOLE.versione).toBe('bonus-af-2022');
    expect(regoleBonusInVigore('2019-06-01').versione).toBe('bonus-af-2018');
  });

  it('caps 60% of the expenses at € 2.400 with ISEE ≤ € 25.000', () => {
    const esito = verificaBonus(dati(), REGOLE);
    expect(esito.ammissibile).toBe(true);
    expect(esito.calcolo).toEqual({
      speseAmmissibiliCentesimi: 1_000_000,
      percentualeSpese: 60,
      quotaSpeseCentesimi: 600_000,
      massimaleCentesimi: 240_000,
      importoCentesimi: 240_000,
    });
    expect(esito.versioneRegole).toBe('bonus-af-2022');
  });

  it('gives 60% of small expenses when below the cap', () => {
    expect(
      verificaBonus(dati({ speseAmmissibiliCentesimi: 300_001 }), REGOLE).calcolo?.importoCentesimi,
    ).toBe(180_000);
  });

  it('caps at € 2.000 between € 25.000 and € 35.000, bounds included', () => {
    const al25 = verificaBonus(dati({ isee: { titolare: 'assistito', valoreCentesimi: 2_500_000 } }), REGOLE);
    expect(al25.calcolo?.massimaleCentesimi).toBe(240_000);
    const sopra25 = verificaBonus(
      dati({ isee: { titolare: 'assistito', valoreCentesimi: 2_500_001 } }),
      REGOLE,
    );
    expect(sopra25.calcolo?.importoCentesimi).toBe(200_000);
    const al35 = verificaBonus(dati({ isee: { titolare: 'assistito', valoreCentesimi: 3_500_000 } }), REGOLE);
    expect(al35.ammissibile).toBe(true);
  });

  it('refuses an ISEE above € 35.000 and says why', () => {
    const esito = verificaBonus(
      dati({ isee: { titolare: 'assistito', valoreCentesimi: 3_500_001 } }),
      REGOLE,
    );
    expect(esito.ammissibile).toBe(false);
    expect(esito.calcolo).toBeNull();
    expect(requisito(esito, 'isee').spiegazione).toBe(
      'ISEE dell’assistito € 35.000,01 oltre la soglia di € 35.000,00',
    );
  });

  it('wants the ISEE of the right person', () => {
    // AdS or tutore: the assisted person's ISEE
    const ads = verificaBonus(
      dati({ richiedente: 'amministratore-sostegno', isee: { titolare: 'familiare', valoreCentesimi: 1 } }),
      REGOLE,
    );
    expect(requisito(ads, 'isee')).toMatchObject({ soddisfatto: false });
    expect(requisito(ads, 'isee').spiegazione).toMatch(/serve l’ISEE dell’assistito/);
    expect(verificaBonus(dati({ richiedente: 'tutore' }), REGOLE).ammissibile).toBe(true);
    // a family member: their own
    const familiare = verificaBonus(dati({ richiedente: 'familiare' }), REGOLE);
    expect(requisito(familiare, 'isee').soddisfatto).toBe(false);
    expect(
      verificaBonus(
        dati({ richiedente: 'familiare', isee: { titolare: 'familiare', valoreCentesimi: 1_000_000 } }),
        REGOLE,
      ).ammissibile,
    ).toBe(true);
    expect(requisito(verificaBonus(dati({ isee: null }), REGOLE), 'isee').spiegazione).toBe(
      'manca l’ISEE dell’assistito',
    );
  });

  it.each([
    ['richiedente-intestatario', { richiedenteIntestatario: false }],
    ['assistente-iscritto', { assistenteIscritto: false }],
    ['contratto-regolare', { contrattoRegolare: false }],
    ['residenza-lombardia', { residenteInLombardiaDal: '2021-03-02' }],
    ['residenza-lombardia', { residenteInLombardiaDal: null }],
  ] as const)('fails on %s alone', (nome, cambio) => {
    const esito = verificaBonus(dati(cambio), REGOLE);
    expect(esito.ammissibile).toBe(false);
    expect(esito.requisiti.filter((r) => !r.soddisfatto).map((r) => r.requisito)).toEqual([nome]);
  });

  it('counts five years of residence to the day', () => {
    expect(verificaBonus(dati({ residenteInLombardiaDal: '2021-03-01' }), REGOLE).ammissibile).toBe(true);
    expect(anniCompiuti('2021-03-02', '2026-03-01')).toBe(4);
  });

  it('applies the first version with its own parameters (50% capped at € 1.500, ISEE ≤ € 25.000)', () => {
    const prima = REGOLE_BONUS.find((r) => r.versione === 'bonus-af-2018')!;
    const esito = verificaBonus(
      dati({ giorno: '2019-06-01', residenteInLombardiaDal: '2000-01-01', richiedenteIntestatario: false }),
      prima,
    );
    expect(esito.ammissibile).toBe(true);
    expect(esito.calcolo?.importoCentesimi).toBe(150_000);
    const oltre = verificaBonus(
      dati({ giorno: '2019-06-01', isee: { titolare: 'assistito', valoreCentesimi: 3_000_000 } }),
      prima,
    );
    expect(oltre.ammissibile).toBe(false);
  });
});

describe('euro', () => {
  it('groups thousands always and keeps the cents', () => {
    expect(euro(240_000)).toBe('€ 2.400,00');
    expect(euro(350_000_001)).toBe('€ 3.500.000,01');
    expect(euro(5)).toBe('€ 0,05');
  });
});
