import { BUDGET_RPC } from '@ambito/contracts';
import { rifiuto } from '@ambito/testing';
import { ATTORI, CREMA, PANDINO, startTestBudget, type TestBudget } from '../../test/budget-harness';

const { deliberaQuotaCapitaria, registraAbitanti, prospettoQuoteComuni } = BUDGET_RPC;
const SONCINO = '019097';
const CASALMAGGIORE = '019021';
const CREMASCO = 'AT-CREMASCO';
const FONTE = 'ISTAT, popolazione residente al 1° gennaio (dati di prova)';
/** The act fields every delibera carries (number, date, body), as in the Assemblea's minutes. */
const ATTO = { attoNumero: '3', attoData: '2023-12-15', attoOrgano: 'Assemblea dei Sindaci' };

describe('quote dei comuni: inhabitants at the reference date × the deliberated quota', () => {
  let svc: TestBudget;
  const udp = () => svc.as(ATTORI.udp);

  beforeAll(async () => {
    svc = await startTestBudget();
    await udp()(registraAbitanti, {
      ambito: CREMASCO,
      fonte: FONTE,
      dataRiferimento: '2023-01-01',
      comuni: [
        { istat: CREMA, denominazione: 'Crema', abitanti: 34_000 },
        { istat: PANDINO, denominazione: 'Pandino', abitanti: 8_900 },
        { istat: SONCINO, denominazione: 'Soncino', abitanti: 7_600 },
      ],
    });
    await udp()(registraAbitanti, {
      ambito: CREMASCO,
      fonte: FONTE,
      dataRiferimento: '2024-01-01',
      comuni: [
        { istat: CREMA, denominazione: 'Crema', abitanti: 34_120 },
        { istat: PANDINO, denominazione: 'Pandino', abitanti: 8_951 },
      ],
    });
  });
  afterAll(async () => {
    await svc?.close();
  });

  it('computes what each comune owes from the population at the delibera’s reference date', async () => {
    await udp()(deliberaQuotaCapitaria, {
      ambito: CREMASCO,
      ...ATTO,
      anno: 2024,
      quotaPerAbitanteCentesimi: 657,
      dataRiferimentoAbitanti: '2024-01-01',
      atto: 'Delibera Assemblea dei Sindaci n. 3/2023',
    });
    const p = await udp()(prospettoQuoteComuni, { anno: 2024 });
    expect(p).toMatchObject({
      ambito: CREMASCO,
      anno: 2024,
      quotaPerAbitanteCentesimi: 657,
      dataRiferimentoAbitanti: '2024-01-01',
      attoNumero: '3',
      attoData: '2023-12-15',
      attoOrgano: 'Assemblea dei Sindaci',
      daVerificare: false,
    });
    expect(p.comuni).toEqual([
      {
        istat: CREMA,
        denominazione: 'Crema',
        abitanti: 34_120,
        quotaCentesimi: 22_416_840,
        solidarietaCentesimi: 0,
        dovutoCentesimi: 22_416_840,
      },
      {
        istat: PANDINO,
        denominazione: 'Pandino',
        abitanti: 8_951,
        quotaCentesimi: 5_880_807,
        solidarietaCentesimi: 0,
        dovutoCentesimi: 5_880_807,
      },
      // Soncino has no 2024 figure: its latest population before the reference date counts
      {
        istat: SONCINO,
        denominazione: 'Soncino',
        abitanti: 7_600,
        quotaCentesimi: 4_993_200,
        solidarietaCentesimi: 0,
        dovutoCentesimi: 4_993_200,
      },
    ]);
    expect(p.totaleCentesimi).toBe(22_416_840 + 5_880_807 + 4_993_200);
  });

  it('applies the latest delibera of the year (versioned), keeping the previous one', async () => {
    await udp()(deliberaQuotaCapitaria, {
      ambito: CREMASCO,
      ...ATTO,
      anno: 2025,
      quotaPerAbitanteCentesimi: 657,
      dataRiferimentoAbitanti: '2024-01-01',
      atto: 'Delibera n. 1/2025',
    });
    await udp()(deliberaQuotaCapitaria, {
      ambito: CREMASCO,
      ...ATTO,
      anno: 2025,
      quotaPerAbitanteCentesimi: 700,
      solidarietaPerAbitanteCentesimi: 50,
      dataRiferimentoAbitanti: '2023-01-01',
      atto: 'Delibera n. 4/2025 (rettifica)',
    });
    const p = await udp()(prospettoQuoteComuni, { anno: 2025, comune: CREMA });
    expect(p).toMatchObject({
      quotaPerAbitanteCentesimi: 700,
      solidarietaPerAbitanteCentesimi: 50,
      atto: 'Delibera n. 4/2025 (rettifica)',
    });
    // 34.000 abitanti × € 7,00, plus 34.000 × € 0,50 to the fondo di solidarietà
    expect(p.comuni).toEqual([
      {
        istat: CREMA,
        denominazione: 'Crema',
        abitanti: 34_000,
        quotaCentesimi: 23_800_000,
        solidarietaCentesimi: 1_700_000,
        dovutoCentesimi: 25_500_000,
      },
    ]);
    const [n] = await svc.sql<{ n: string }>(`SELECT count(*) AS n FROM quota_capitaria WHERE anno = 2025`);
    expect(n.n).toBe('2');
  });

  it('shows a comune’s responsabile its own statement only', async () => {
    const pandino = svc.as(ATTORI.responsabilePandino);
    const p = await pandino(prospettoQuoteComuni, { anno: 2024 });
    expect(p.comuni.map((c) => c.istat)).toEqual([PANDINO]);
    expect(p.totaleCentesimi).toBe(5_880_807);
    expect(await rifiuto(pandino(prospettoQuoteComuni, { anno: 2024, comune: CREMA }))).toBe(
      'FUORI_AMBITO_TERRITORIALE',
    );
    expect(await rifiuto(svc.as(ATTORI.operatoreCrema)(prospettoQuoteComuni, { anno: 2024 }))).toBe(
      'OPERAZIONE_NON_CONSENTITA',
    );
  });

  it('refuses a year without delibera and a fractional or negative quota, writing nothing', async () => {
    expect(await rifiuto(udp()(prospettoQuoteComuni, { anno: 2030 }))).toBe('QUOTA_CAPITARIA_NON_DELIBERATA');
    const prima = await svc.conteggi();
    for (const quota of [6.57, -657, 0]) {
      expect(
        await rifiuto(
          udp()(deliberaQuotaCapitaria, {
            ambito: CREMASCO,
            ...ATTO,
            anno: 2026,
            quotaPerAbitanteCentesimi: quota,
            dataRiferimentoAbitanti: '2026-01-01',
            atto: 'x',
          }),
        ),
      ).toBe('VALIDAZIONE_FALLITA');
    }
    expect(await svc.conteggi()).toEqual(prima);
  });

  it('keeps one quota per ambito and year with its act: the Casalasco’s € 6,57 is not the Cremasco’s', async () => {
    // Seed 004 (Piano di Zona del Casalasco 2015–2017), line 3542: "€ 6.57 per abitante".
    await udp()(registraAbitanti, {
      ambito: 'CASALASCO',
      fonte: FONTE,
      dataRiferimento: '2016-01-01',
      comuni: [{ istat: CASALMAGGIORE, denominazione: 'Casalmaggiore', abitanti: 15_000 }],
    });
    await udp()(deliberaQuotaCapitaria, {
      ambito: 'CASALASCO',
      anno: 2016,
      quotaPerAbitanteCentesimi: 657,
      dataRiferimentoAbitanti: '2016-01-01',
      atto: 'Piano di Zona del Casalasco 2015–2017',
      attoNumero: 'PdZ 2015-2017',
      attoData: '2015-04-30',
      attoOrgano: 'Assemblea consortile Con.Ca.S.S.',
    });
    await udp()(deliberaQuotaCapitaria, {
      ambito: CREMASCO,
      ...ATTO,
      anno: 2016,
      quotaPerAbitanteCentesimi: 700,
      dataRiferimentoAbitanti: '2016-01-01',
      atto: 'Quota del Cremasco (segnaposto)',
      daVerificare: true,
    });
    // Two ambiti deliberated 2016: the statement must say which one.
    expect(await rifiuto(udp()(prospettoQuoteComuni, { anno: 2016 }))).toBe('VALIDAZIONE_FALLITA');
    const casalasco = await udp()(prospettoQuoteComuni, { anno: 2016, ambito: 'CASALASCO' });
    expect(casalasco).toMatchObject({
      ambito: 'CASALASCO',
      quotaPerAbitanteCentesimi: 657,
      daVerificare: false,
    });
    expect(casalasco.comuni.map((c) => c.istat)).toEqual([CASALMAGGIORE]);
    expect(casalasco.totaleCentesimi).toBe(15_000 * 657);
    const cremasco = await udp()(prospettoQuoteComuni, { anno: 2016, ambito: CREMASCO });
    expect(cremasco).toMatchObject({ ambito: CREMASCO, quotaPerAbitanteCentesimi: 700, daVerificare: true });
    // Cremasco comuni only (no 2016 figure: none counted before 1/1/2016), never Casalmaggiore.
    expect(cremasco.comuni.map((c) => c.istat)).not.toContain(CASALMAGGIORE);
  });

  it('counts inhabitants at 1 January not after the quota’s year, and requires the act', async () => {
    const base = {
      ambito: CREMASCO,
      ...ATTO,
      anno: 2027,
      quotaPerAbitanteCentesimi: 657,
      dataRiferimentoAbitanti: '2027-01-01',
      atto: 'Delibera n. 1/2027',
    };
    for (const sbagliata of [
      { dataRiferimentoAbitanti: '2026-12-31' },
      { dataRiferimentoAbitanti: '2028-01-01' },
      { attoNumero: '' },
      { attoData: undefined },
      { attoOrgano: undefined },
    ])
      expect(await rifiuto(udp()(deliberaQuotaCapitaria, { ...base, ...sbagliata } as never))).toBe(
        'VALIDAZIONE_FALLITA',
      );
    const [n] = await svc.sql<{ n: string }>(`SELECT count(*) AS n FROM quota_capitaria WHERE anno = 2027`);
    expect(n.n).toBe('0');
    expect(
      await rifiuto(
        udp()(registraAbitanti, {
          ambito: CREMASCO,
          dataRiferimento: '2027-01-01',
          comuni: [{ istat: CREMA, denominazione: 'Crema', abitanti: 1 }],
        } as never),
      ),
    ).toBe('VALIDAZIONE_FALLITA');
  });
});
