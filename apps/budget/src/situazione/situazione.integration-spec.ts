import { giornoInItalia } from '@ambito/kernel';
import { BUDGET_RPC } from '@ambito/contracts';
import { rifiuto } from '@ambito/testing';
import {
  ATTORI,
  CREMA,
  PANDINO,
  assegnazione,
  startTestBudget,
  type TestBudget,
} from '../../test/budget-harness';

const {
  registraAssegnazione,
  registraLinea,
  assegnaDotazione,
  richiediImpegno,
  riduciImpegno,
  registraMandato,
  registraLiquidazione,
  situazioneFondo,
  situazioneLinea,
} = BUDGET_RPC;

/** The database's clock now, as an ISO instant (the ledger is stamped by PostgreSQL). */
async function adesso(svc: TestBudget): Promise<string> {
  const [{ t }] = await svc.sql<{ t: Date }>(`SELECT clock_timestamp() AS t`);
  return t.toISOString();
}

describe('situazione: balances derived from the ledger, now and at a past moment', () => {
  let svc: TestBudget;
  const udp = () => svc.as(ATTORI.udp);
  const istanti: Record<string, string> = {};

  beforeAll(async () => {
    svc = await startTestBudget();
    istanti.inizio = await adesso(svc);
    await udp()(registraAssegnazione, assegnazione('FNA-B2', 2024, 2_000_000));
    await udp()(registraLinea, {
      codice: 'B2-ANZIANI',
      denominazione: 'B2 anziani – buoni',
      esercizio: 2025,
      categoria: 'misure-b2',
      preventivoCentesimi: 1_500_000,
    });
    await udp()(registraLinea, {
      codice: 'B2-DISABILI',
      denominazione: 'B2 disabili – voucher',
      esercizio: 2025,
      categoria: 'misure-b2',
      preventivoCentesimi: 500_000,
    });
    await udp()(assegnaDotazione, {
      fondo: 'FNA-B2',
      anno: 2024,
      linea: 'B2-ANZIANI',
      importoCentesimi: 1_200_000,
    });
    await udp()(assegnaDotazione, {
      fondo: 'FNA-B2',
      anno: 2024,
      linea: 'B2-DISABILI',
      importoCentesimi: 500_000,
    });
    istanti.dotato = await adesso(svc);
    const a = await udp()(richiediImpegno, {
      chiaveIdempotenza: 'test:situazione:rossi',
      linea: 'B2-ANZIANI',
      importoCentesimi: 480_000,
      descrizione: 'Buono caregiver 12 mesi',
      comuneResidenza: CREMA,
      determina: { numero: '45/2025', data: '2025-01-15' },
      creditore: { tipo: 'persona', identificativo: 'persona:rossi' },
    });
    const b = await udp()(richiediImpegno, {
      chiaveIdempotenza: 'test:situazione:monti',
      linea: 'B2-ANZIANI',
      importoCentesimi: 240_000,
      descrizione: 'Buono assistente familiare 6 mesi',
      comuneResidenza: PANDINO,
      determina: { numero: '45/2025', data: '2025-01-15' },
      creditore: { tipo: 'persona', identificativo: 'persona:monti' },
    });
    istanti.impegnato = await adesso(svc);
    const gennaio = await udp()(registraLiquidazione, {
      impegnoId: a.id,
      importoCentesimi: 40_000,
      periodo: '2025-01',
    });
    await udp()(registraLiquidazione, { impegnoId: a.id, importoCentesimi: 40_000, periodo: '2025-02' });
    istanti.liquidato = await adesso(svc);
    await udp()(riduciImpegno, { id: b.id, causale: 'decadenza' });
    istanti.ridotto = await adesso(svc);
    // January's liquidazione is paid; February's is due, not yet paid
    await udp()(registraMandato, { numero: '2025/77', data: '2025-02-10', liquidazioni: [gennaio.id] });
  });
  afterAll(async () => {
    await svc?.close();
  });

  it('gives the situation of a fund per annualità and line', async () => {
    const s = await udp()(situazioneFondo, { fondo: 'FNA-B2' });
    expect(s.fondo).toEqual({ codice: 'FNA-B2', denominazione: 'FNA – Misura B2' });
    expect(s.alla).toBeNull();
    expect(s.annualita).toHaveLength(1);
    expect(s.annualita[0]).toMatchObject({
      anno: 2024,
      assegnatoCentesimi: 2_000_000,
      dotatoCentesimi: 1_700_000,
      daDotareCentesimi: 300_000,
      impegnatoCentesimi: 480_000,
      liquidatoCentesimi: 80_000,
      pagatoCentesimi: 40_000,
      disponibileCentesimi: 1_220_000,
    });
    expect(s.annualita[0].linee).toEqual([
      {
        codice: 'B2-ANZIANI',
        denominazione: 'B2 anziani – buoni',
        categoria: 'misure-b2',
        dotatoCentesimi: 1_200_000,
        impegnatoCentesimi: 480_000,
        liquidatoCentesimi: 80_000,
        pagatoCentesimi: 40_000,
        disponibileCentesimi: 720_000,
      },
      {
        codice: 'B2-DISABILI',
        denominazione: 'B2 disabili – voucher',
        categoria: 'misure-b2',
        dotatoCentesimi: 500_000,
        impegnatoCentesimi: 0,
        liquidatoCentesimi: 0,
        pagatoCentesimi: 0,
        disponibileCentesimi: 500_000,
      },
    ]);
    expect(s.totale).toEqual({
      assegnatoCentesimi: 2_000_000,
      dotatoCentesimi: 1_700_000,
      daDotareCentesimi: 300_000,
      impegnatoCentesimi: 480_000,
      liquidatoCentesimi: 80_000,
      pagatoCentesimi: 40_000,
      disponibileCentesimi: 1_220_000,
    });
  });

  it('reconstructs the balances at each past moment from the ledger', async () => {
    const alla = async (istante: string) =>
      (await udp()(situazioneFondo, { fondo: 'FNA-B2', alla: istante })).totale;
    expect((await udp()(situazioneFondo, { fondo: 'FNA-B2', alla: istanti.inizio })).annualita).toEqual([]);
    expect(await alla(istanti.dotato)).toMatchObject({
      dotatoCentesimi: 1_700_000,
      impegnatoCentesimi: 0,
      disponibileCentesimi: 1_700_000,
    });
    // before the decadenza the Pandino commitment still counted
    expect(await alla(istanti.impegnato)).toMatchObject({
      impegnatoCentesimi: 720_000,
      liquidatoCentesimi: 0,
      disponibileCentesimi: 980_000,
    });
    expect(await alla(istanti.liquidato)).toMatchObject({
      impegnatoCentesimi: 720_000,
      liquidatoCentesimi: 80_000,
      pagatoCentesimi: 0,
    });
    // the riduzione (decadenza) is an economia: the money is available again, nothing paid yet
    expect(await alla(istanti.ridotto)).toMatchObject({
      impegnatoCentesimi: 480_000,
      disponibileCentesimi: 1_220_000,
      pagatoCentesimi: 0,
    });
    // a whole date means the end of that day in Italy: today includes everything
    const oggi = giornoInItalia();
    expect(await alla(oggi)).toMatchObject({ impegnatoCentesimi: 480_000, disponibileCentesimi: 1_220_000 });
    expect((await udp()(situazioneFondo, { fondo: 'FNA-B2', alla: '2000-01-01' })).annualita).toEqual([]);
  });

  it('gives the situation of a line, by annualità and by comune of residence, also in the past', async () => {
    const ora = await udp()(situazioneLinea, { linea: 'B2-ANZIANI' });
    expect(ora).toMatchObject({
      linea: { codice: 'B2-ANZIANI', esercizio: 2025, preventivoCentesimi: 1_500_000 },
      dotatoCentesimi: 1_200_000,
      impegnatoCentesimi: 480_000,
      liquidatoCentesimi: 80_000,
      disponibileCentesimi: 720_000,
      perAnnualita: [
        { fondo: 'FNA-B2', anno: 2024, dotatoCentesimi: 1_200_000, disponibileCentesimi: 720_000 },
      ],
    });
    expect(ora.perComune).toEqual([
      { comune: CREMA, impegnatoCentesimi: 480_000, liquidatoCentesimi: 80_000, pagatoCentesimi: 40_000 },
      { comune: PANDINO, impegnatoCentesimi: 0, liquidatoCentesimi: 0, pagatoCentesimi: 0 },
    ]);
    const allora = await udp()(situazioneLinea, { linea: 'B2-ANZIANI', alla: istanti.impegnato });
    expect(allora.perComune).toEqual([
      { comune: CREMA, impegnatoCentesimi: 480_000, liquidatoCentesimi: 0, pagatoCentesimi: 0 },
      { comune: PANDINO, impegnatoCentesimi: 240_000, liquidatoCentesimi: 0, pagatoCentesimi: 0 },
    ]);
  });

  it('checks the cached balances against the ledger they are derived from', async () => {
    const [riga] = await svc.sql<{ diverse: string }>(
      `SELECT count(*) AS diverse FROM saldo_dotazione sd
        WHERE sd.dotato_centesimi <> (SELECT coalesce(sum(importo_centesimi), 0) FROM movimento m
                                       WHERE m.linea_id = sd.linea_id AND m.annualita_id = sd.annualita_id AND tipo = 'dotazione')
           OR sd.impegnato_centesimi <> (SELECT coalesce(sum(CASE tipo WHEN 'impegno' THEN importo_centesimi ELSE -importo_centesimi END), 0)
                                          FROM movimento m WHERE m.linea_id = sd.linea_id AND m.annualita_id = sd.annualita_id
                                           AND tipo IN ('impegno', 'riduzione'))
           OR sd.pagato_centesimi <> (SELECT coalesce(sum(importo_centesimi), 0) FROM movimento m
                                       WHERE m.linea_id = sd.linea_id AND m.annualita_id = sd.annualita_id AND tipo = 'pagamento')`,
    );
    expect(riga.diverse).toBe('0');
  });

  it.each([
    ['an unknown fund', situazioneFondo, { fondo: 'NON-ESISTE' }, 'FONDO_SCONOSCIUTO'],
    ['a malformed date', situazioneFondo, { fondo: 'FNA-B2', alla: '31/12/2024' }, 'VALIDAZIONE_FALLITA'],
    ['an unknown line', situazioneLinea, { linea: 'NESSUNA' }, 'LINEA_NON_TROVATA'],
  ] as const)('refuses a situazione of %s', async (_, subject, query, code) => {
    expect(await rifiuto(udp()(subject, query as never))).toBe(code);
  });
});
