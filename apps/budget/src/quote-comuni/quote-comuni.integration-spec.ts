import { BUDGET_RPC } from '@ambito/contracts';
import { rifiuto } from '@ambito/testing';
import { ATTORI, CREMA, PANDINO, startTestBudget, type TestBudget } from '../../test/budget-harness';

const { deliberaQuotaCapitaria, registraAbitanti, prospettoQuoteComuni } = BUDGET_RPC;
const SONCINO = '019097';

describe('quote dei comuni: inhabitants at the reference date × the deliberated quota', () => {
  let svc: TestBudget;
  const udp = () => svc.as(ATTORI.udp);

  beforeAll(async () => {
    svc = await startTestBudget();
    await udp()(registraAbitanti, {
      dataRiferimento: '2023-01-01',
      comuni: [
        { istat: CREMA, denominazione: 'Crema', abitanti: 34_000 },
        { istat: PANDINO, denominazione: 'Pandino', abitanti: 8_900 },
        { istat: SONCINO, denominazione: 'Soncino', abitanti: 7_600 },
      ],
    });
    await udp()(registraAbitanti, {
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
      anno: 2024,
      quotaPerAbitanteCentesimi: 657,
      dataRiferimentoAbitanti: '2024-01-01',
      atto: 'Delibera Assemblea dei Sindaci n. 3/2023',
    });
    const p = await udp()(prospettoQuoteComuni, { anno: 2024 });
    expect(p).toMatchObject({
      anno: 2024,
      quotaPerAbitanteCentesimi: 657,
      dataRiferimentoAbitanti: '2024-01-01',
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
      anno: 2025,
      quotaPerAbitanteCentesimi: 657,
      dataRiferimentoAbitanti: '2024-01-01',
      atto: 'Delibera n. 1/2025',
    });
    await udp()(deliberaQuotaCapitaria, {
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
});
