import { randomUUID } from 'node:crypto';
import {
  BUDGET_RPC,
  MISURE_CHIAMATE,
  type ImpegnoV1,
  type RegistraLiquidazioniLottoV1,
  type VoceLottoLiquidazioniV1,
} from '@ambito/contracts';
import { rifiuto } from '@ambito/testing';
import { ATTORI, assegnazione, startTestBudget, type TestBudget } from '../../test/budget-harness';

const { registraAssegnazione, registraLinea, assegnaDotazione, registraAbilitazione, situazioneLinea } =
  BUDGET_RPC;

/**
 * Liquidazioni in batches (issue 10: a month's payments of 20,000 benefici): one transaction for up to
 * 500, all or nothing, each idempotent by its key for good (beneficio and month), never above the
 * impegno's residuo.
 */
describe('liquidazioni in batches (budget.liquidazioni.registra-lotto)', () => {
  let svc: TestBudget;
  const udp = () => svc.as(ATTORI.udp);
  const MOTIVO = { motivo: 'Mensilità di prova' };

  async function linea(codice: string, operazioni: Array<'impegno' | 'liquidazione'>): Promise<void> {
    await udp()(registraLinea, {
      codice,
      denominazione: `Buoni B2 ${codice}`,
      esercizio: 2025,
      categoria: 'misure-b2',
      preventivoCentesimi: 10_000_000,
    });
    await udp()(assegnaDotazione, {
      fondo: 'FNA-B2',
      anno: 2024,
      linea: codice,
      importoCentesimi: 10_000_000,
    });
    await udp()(registraAbilitazione, {
      servizio: 'misure',
      linea: codice,
      operazioni,
      validoDal: '2025-01-01',
      atto: { tipo: 'determina', numero: '12/2025', data: '2024-12-30' },
    });
  }

  async function impegni(codice: string, importi: number[]): Promise<ImpegnoV1[]> {
    return svc.misure.chiama(
      MISURE_CHIAMATE.impegnoLotto,
      {
        linea: codice,
        impegni: importi.map((importoCentesimi) => ({
          chiaveIdempotenza: `test:${randomUUID()}`,
          importoCentesimi,
          descrizione: 'Buono B2',
          determina: { numero: '77/2025', data: '2025-05-02' },
          creditore: { tipo: 'persona' as const, identificativo: `persona:${randomUUID()}` },
        })),
      },
      MOTIVO,
    );
  }

  const voce = (
    impegnoId: string,
    importoCentesimi: number,
    periodo = '2025-06',
  ): VoceLottoLiquidazioniV1 => ({
    chiaveIdempotenza: `misure:beneficio:${randomUUID()}:${periodo}`,
    impegnoId,
    importoCentesimi,
    periodo,
  });
  const lotto = (dto: RegistraLiquidazioniLottoV1) =>
    svc.misure.chiama(MISURE_CHIAMATE.liquidazioneLotto, dto, MOTIVO);
  const liquidato = async (codice: string) =>
    (await udp()(situazioneLinea, { linea: codice })).liquidatoCentesimi;
  const righe = async () =>
    Number((await svc.sql<{ n: string }>(`SELECT count(*) AS n FROM liquidazione`))[0].n);

  beforeAll(async () => {
    svc = await startTestBudget();
    await udp()(registraAssegnazione, assegnazione('FNA-B2', 2024, 100_000_000));
  });
  afterAll(async () => {
    await svc?.close();
  });

  it('liquidates a batch in request order, with the ledger movements and events of single liquidazioni', async () => {
    await linea('B2-LIQ', ['impegno', 'liquidazione']);
    const [a, b] = await impegni('B2-LIQ', [60_000, 60_000]);
    const voci = [voce(a.id, 10_000), voce(b.id, 20_000), voce(a.id, 10_000, '2025-07')];
    const fatte = await lotto({ liquidazioni: voci });
    expect(fatte.map((l) => [l.impegnoId, l.importoCentesimi, l.periodo])).toEqual([
      [a.id, 10_000, '2025-06'],
      [b.id, 20_000, '2025-06'],
      [a.id, 10_000, '2025-07'],
    ]);
    expect(await liquidato('B2-LIQ')).toBe(40_000);
    const movimenti = await svc.sql<{ n: string }>(
      `SELECT count(*) AS n FROM movimento WHERE tipo = 'liquidazione' AND liquidazione_id = ANY ($1::uuid[])`,
      [fatte.map((l) => l.id)],
    );
    expect(movimenti[0].n).toBe('3');
    const eventi = await svc.sql<{ n: string }>(
      `SELECT count(*) AS n FROM outbox_message WHERE type = 'budget.liquidazione.registrata'
          AND envelope->'payload'->>'liquidazioneId' = ANY ($1::text[])`,
      [fatte.map((l) => l.id)],
    );
    expect(eventi[0].n).toBe('3');
  });

  it('a repeated key returns the stored liquidazione, also mixed with new ones, and pays nothing twice', async () => {
    await linea('B2-LIQ-RIP', ['impegno', 'liquidazione']);
    const [a] = await impegni('B2-LIQ-RIP', [100_000]);
    const giugno = voce(a.id, 10_000);
    const [prima] = await lotto({ liquidazioni: [giugno] });
    const n = await righe();
    expect(await lotto({ liquidazioni: [giugno] })).toEqual([prima]);
    expect(await righe()).toBe(n);
    const luglio = voce(a.id, 10_000, '2025-07');
    const misto = await lotto({ liquidazioni: [luglio, giugno] });
    expect(misto[1]).toEqual(prima);
    expect(await liquidato('B2-LIQ-RIP')).toBe(20_000);
    // the same key with another amount is a mistake of the caller: refused, nothing written
    expect(await rifiuto(lotto({ liquidazioni: [{ ...giugno, importoCentesimi: 9_000 }] }))).toBe(
      'CHIAVE_IDEMPOTENZA_RIUSATA',
    );
    expect(await righe()).toBe(n + 1);
  });

  it('refuses the whole batch above an impegno’s residuo (items of one impegno add up), writing nothing', async () => {
    await linea('B2-LIQ-OLTRE', ['impegno', 'liquidazione']);
    const [a, b] = await impegni('B2-LIQ-OLTRE', [30_000, 30_000]);
    const n = await righe();
    const esito = lotto({
      liquidazioni: [voce(b.id, 5_000), voce(a.id, 20_000), voce(a.id, 20_000, '2025-07')],
    });
    expect(await rifiuto(esito)).toBe('LIQUIDAZIONE_OLTRE_IMPEGNO');
    expect(await righe()).toBe(n);
    expect(await liquidato('B2-LIQ-OLTRE')).toBe(0);
  });

  it('never liquidates a key twice when the same batch is sent by concurrent clients', async () => {
    await linea('B2-LIQ-GARA', ['impegno', 'liquidazione']);
    const imp = await impegni(
      'B2-LIQ-GARA',
      Array.from({ length: 20 }, () => 10_000),
    );
    const voci = imp.map((i) => voce(i.id, 10_000));
    const esiti = await Promise.all(
      Array.from({ length: 6 }, () => lotto({ liquidazioni: voci }).then((r) => r.map((l) => l.id))),
    );
    for (const e of esiti) expect(e).toEqual(esiti[0]);
    expect(await liquidato('B2-LIQ-GARA')).toBe(200_000);
  });

  it('concurrent batches of new keys on the same impegni never liquidate beyond them (the database decides)', async () => {
    await linea('B2-LIQ-CORSA', ['impegno', 'liquidazione']);
    const imp = await impegni(
      'B2-LIQ-CORSA',
      Array.from({ length: 25 }, () => 30_000),
    );
    // Six clients, each a batch of 10,000 on every impegno under its own keys: three fit, three do not.
    const esiti = await Promise.allSettled(
      Array.from({ length: 6 }, () => lotto({ liquidazioni: imp.map((i) => voce(i.id, 10_000)) })),
    );
    const riuscite = esiti.filter((e) => e.status === 'fulfilled').length;
    expect(riuscite).toBe(3);
    for (const e of esiti)
      if (e.status === 'rejected')
        expect(await rifiuto(Promise.reject(e.reason))).toBe('LIQUIDAZIONE_OLTRE_IMPEGNO');
    expect(await liquidato('B2-LIQ-CORSA')).toBe(25 * 30_000);
    // Every balance is the sum of its movements: the dotazione's and each impegno's.
    const saldi = await svc.sql<{ impegno: string; liquidato: string; movimenti: string }>(
      `SELECT i.id AS impegno, i.liquidato_centesimi AS liquidato,
              (SELECT coalesce(sum(m.importo_centesimi), 0) FROM movimento m
                WHERE m.impegno_id = i.id AND m.tipo = 'liquidazione') AS movimenti
         FROM impegno i WHERE i.id = ANY ($1::uuid[])`,
      [imp.map((i) => i.id)],
    );
    for (const s of saldi) expect([s.liquidato, s.movimenti]).toEqual(['30000', '30000']);
    const [dotazione] = await svc.sql<{ saldo: string; movimenti: string }>(
      `SELECT s.liquidato_centesimi AS saldo,
              (SELECT sum(m.importo_centesimi) FROM movimento m
                WHERE m.linea_id = l.id AND m.tipo = 'liquidazione') AS movimenti
         FROM saldo_dotazione s JOIN linea l ON l.id = s.linea_id WHERE l.codice = 'B2-LIQ-CORSA'`,
    );
    expect(dotazione).toEqual({ saldo: '750000', movimenti: '750000' });
  });

  it('the ledger refuses movements beyond an impegno or without dotazione, also from a writer that skips the service', async () => {
    await linea('B2-LIQ-SQL', ['impegno', 'liquidazione']);
    const [a, b] = await impegni('B2-LIQ-SQL', [30_000, 30_000]);
    const [dove] = await svc.sql<{ annualita: string; linea: string }>(
      `SELECT annualita_id AS annualita, linea_id AS linea FROM impegno WHERE id = $1`,
      [a.id],
    );
    await udp()(registraLinea, {
      codice: 'B2-LIQ-SENZA',
      denominazione: 'Linea senza dotazione',
      esercizio: 2025,
      categoria: 'misure-b2',
      preventivoCentesimi: 10_000,
    });
    const [senza] = await svc.sql<{ id: string }>(`SELECT id FROM linea WHERE codice = 'B2-LIQ-SENZA'`);
    const inserisci = (righe: Array<[string, number]>, linea = dove.linea) =>
      svc.sql(
        `WITH l AS (
           INSERT INTO liquidazione (impegno_id, importo_centesimi, periodo, registrata_da)
           SELECT x.impegno, x.importo, '2025-06', 'test' FROM unnest($3::uuid[], $4::bigint[]) AS x(impegno, importo)
           RETURNING id, impegno_id, importo_centesimi)
         INSERT INTO movimento (tipo, importo_centesimi, annualita_id, linea_id, impegno_id, liquidazione_id, registrato_da)
         SELECT 'liquidazione', l.importo_centesimi, $1, $2, l.impegno_id, l.id, 'test' FROM l`,
        [dove.annualita, linea, righe.map((r) => r[0]), righe.map((r) => r[1])],
      );
    // Two movements of one statement add up on their impegno: 20,000 + 20,000 > 30,000.
    await expect(
      inserisci([
        [b.id, 5_000],
        [a.id, 20_000],
        [a.id, 20_000],
      ]),
    ).rejects.toMatchObject({
      constraint: 'ck_impegno_liquidato',
    });
    await expect(inserisci([[a.id, 1_000]], senza.id)).rejects.toMatchObject({
      code: '23503',
      message: expect.stringContaining('senza dotazione') as unknown,
    });
    await inserisci([
      [a.id, 20_000],
      [a.id, 10_000],
      [b.id, 5_000],
    ]);
    expect(await liquidato('B2-LIQ-SQL')).toBe(35_000);
    const impegniDopo = await svc.sql<{ id: string; liquidato: string }>(
      `SELECT id, liquidato_centesimi AS liquidato FROM impegno WHERE id = ANY ($1::uuid[]) ORDER BY liquidato DESC`,
      [[a.id, b.id]],
    );
    expect(impegniDopo.map((i) => [i.id, i.liquidato])).toEqual([
      [a.id, '30000'],
      [b.id, '5000'],
    ]);
  });

  it('refuses a line granted for impegni but not for liquidazioni, an unknown impegno, duplicate keys', async () => {
    await linea('B2-LIQ-NO', ['impegno']);
    const [a] = await impegni('B2-LIQ-NO', [10_000]);
    const n = await righe();
    expect(await rifiuto(lotto({ liquidazioni: [voce(a.id, 1_000)] }))).toBe('SERVIZIO_NON_ABILITATO');
    expect(await rifiuto(lotto({ liquidazioni: [voce(randomUUID(), 1_000)] }))).toBe('IMPEGNO_NON_TROVATO');
    const doppia = voce(a.id, 1);
    expect(await rifiuto(lotto({ liquidazioni: [doppia, doppia] }))).toBe('VALIDAZIONE_FALLITA');
    expect(await righe()).toBe(n);
  });
});
