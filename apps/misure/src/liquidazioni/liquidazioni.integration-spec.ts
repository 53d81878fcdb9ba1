import { randomUUID } from 'node:crypto';
import { BUDGET_RPC, MISURE_CHIAMATE, MISURE_RPC, type LiquidazioniMeseV1 } from '@ambito/contracts';
import { eventually, rifiuto } from '@ambito/testing';
// The real budget service, in-process: misure liquidates the months there.
// eslint-disable-next-line @nx/enforce-module-boundaries
import {
  ATTORI as ATTORI_BUDGET,
  assegnazione,
  startTestBudget,
  type TestBudget,
} from '../../../budget/test/budget-harness';
import {
  creaBeneficio,
  creaMese,
  terminaBeneficio,
  type BeneficioDiTest,
} from '../../test/liquidazioni-fixture';
import { creaAvviso, type AvvisoDiTest } from '../../test/graduatorie-fixture';
import { ATTORI, startTestMisure, type TestMisure } from '../../test/misure-harness';

const {
  liquidaMese,
  leggiLiquidazioniMese,
  elencaRecuperi,
  registraRecupero,
  richiediRecupero,
  registraPagamentoBeneficio,
  leggiPagamentoBeneficio,
  elencoLiquidazione,
  elencoLiquidazioneCsv,
} = MISURE_RPC;

const CONTABILE = ['pagamento del beneficio', 'gestione-contabile'] as const;
const IBAN = 'IT60 X054 2811 1010 0000 0123 456';

/**
 * Issue 10, point 3: each month's amount due is liquidated in the budget with one key per beneficio and
 * month (never twice, also across a budget that was down), payees with a checked IBAN, the elenco for the
 * ragioneria, and recuperi of amounts paid unduly.
 */
describe('liquidazioni of the monthly erogazioni', () => {
  let budget: TestBudget;
  let svc: TestMisure;
  let avviso: AvvisoDiTest;
  let protocollo = 0;
  const udp = () => svc.as(ATTORI.udp);

  /** A beneficio of 400 €/month with its 12-month impegno in the budget. */
  async function beneficio(): Promise<BeneficioDiTest> {
    const [impegno] = await budget.misure.chiama(
      MISURE_CHIAMATE.impegnoLotto,
      {
        linea: '7.10.1',
        impegni: [
          {
            chiaveIdempotenza: `test:${randomUUID()}`,
            importoCentesimi: 480_000,
            descrizione: 'Buono B2',
            determina: { numero: '77/2025', data: '2025-05-02' },
            creditore: { tipo: 'persona', identificativo: `persona:${randomUUID()}` },
          },
        ],
      },
      { motivo: 'impegno di prova' },
    );
    return creaBeneficio(svc, avviso, { protocollo: ++protocollo, impegnoId: impegno.id });
  }

  /** The budget's liquidazioni of these benefici's keys, by key. */
  const liquidazioniBudget = (benefici: BeneficioDiTest[]) =>
    budget.sql<{ chiave: string; n: number; importo: string }>(
      `SELECT chiave_idempotenza AS chiave, count(*)::int AS n, sum(importo_centesimi)::text AS importo
         FROM liquidazione WHERE impegno_id = ANY ($1::uuid[]) GROUP BY chiave_idempotenza ORDER BY chiave_idempotenza COLLATE "C"`,
      [benefici.map((b) => b.impegnoId)],
    );
  const eventi = (mese: string) =>
    svc.sql<{ payload: Record<string, unknown> }>(
      `SELECT envelope->'payload' AS payload FROM outbox_message
        WHERE type = 'misure.erogazione.liquidata' AND envelope->'payload'->>'mese' = $1`,
      [mese],
    );
  /** Liquidates a month and waits until the request's work is over (a big month answers `in-corso`). */
  async function liquida(mese: string): Promise<LiquidazioniMeseV1> {
    const esito = await udp()(liquidaMese, { mese });
    if (esito.stato !== 'in-corso') return esito;
    return eventually(async () => {
      const letto = await udp()(leggiLiquidazioniMese, { mese });
      expect(letto.stato).not.toBe('in-corso');
      return letto;
    });
  }

  beforeAll(async () => {
    budget = await startTestBudget();
    // Batches of 2: every month of three benefici or more goes through the pipeline of several batches.
    svc = await startTestMisure({ identita: budget.identita, env: { LIQUIDAZIONI_PER_LOTTO: '2' } });
    const b = budget.as(ATTORI_BUDGET.udp);
    await b(BUDGET_RPC.registraAssegnazione, assegnazione('FNA-B2', 2024, 100_000_000));
    await b(BUDGET_RPC.registraLinea, {
      codice: '7.10.1',
      denominazione: 'Misura B2',
      esercizio: 2025,
      categoria: 'misure-b2',
      preventivoCentesimi: 30_000_000,
    });
    await b(BUDGET_RPC.assegnaDotazione, {
      fondo: 'FNA-B2',
      anno: 2024,
      linea: '7.10.1',
      importoCentesimi: 30_000_000,
    });
    await b(BUDGET_RPC.registraAbilitazione, {
      servizio: 'misure',
      linea: '7.10.1',
      operazioni: ['impegno', 'liquidazione', 'riduzione'],
      validoDal: '2025-01-01',
      atto: { tipo: 'determina', numero: '12/2025', data: '2024-12-30' },
    });
    avviso = await creaAvviso(svc, [{ area: 'anziani', linea: '7.10.1', budgetCentesimi: 10_000_000 }]);
  });
  afterAll(async () => {
    await svc?.close();
    await budget?.close();
  });

  it('liquidates each month due once, with one key per beneficio and month and an event each; run again it pays nothing twice', async () => {
    const [a, b, c] = [await beneficio(), await beneficio(), await beneficio()];
    // c has nothing due in April (a suspension for the whole month)
    await creaMese(svc, avviso.regoleId, '2025-04', [
      { beneficioId: a.id },
      { beneficioId: b.id, dovuto: 20_000 },
      { beneficioId: c.id, dovuto: 0 },
    ]);
    const esito = await liquida('2025-04');
    expect(esito).toMatchObject({
      mese: '2025-04',
      stato: 'completate',
      mensilita: 2,
      liquidate: 2,
      inAttesa: 0,
      importoDovutoCentesimi: 60_000,
      compensatoCentesimi: 0,
      importoLiquidatoCentesimi: 60_000,
    });
    expect(await liquidazioniBudget([a, b, c])).toEqual(
      [
        { chiave: `misure:beneficio:${a.id}:2025-04`, n: 1, importo: '40000' },
        { chiave: `misure:beneficio:${b.id}:2025-04`, n: 1, importo: '20000' },
      ].sort((x, y) => (x.chiave < y.chiave ? -1 : 1)),
    );
    const righe = await svc.sql<{ beneficio_id: string; stato: string; liquidazione_id: string | null }>(
      `SELECT beneficio_id, stato, liquidazione_id FROM erogazione_mensile WHERE mese = '2025-04-01'`,
    );
    expect(
      righe
        .filter((r) => r.stato === 'liquidata')
        .map((r) => r.beneficio_id)
        .sort(),
    ).toEqual([a.id, b.id].sort());
    expect(righe.find((r) => r.beneficio_id === c.id)).toMatchObject({
      stato: 'nulla',
      liquidazione_id: null,
    });
    const [evento] = (await eventi('2025-04')).filter((e) => e.payload.beneficioId === b.id);
    expect(evento.payload).toMatchObject({
      beneficioId: b.id,
      personaId: b.personaId,
      impegnoId: b.impegnoId,
      importoDovutoCentesimi: 20_000,
      compensatoCentesimi: 0,
      importoLiquidatoCentesimi: 20_000,
      misura: 'b2',
      strumento: 'buono-caregiver',
    });
    expect(evento.payload.liquidazioneBudgetId).toEqual(expect.any(String));

    // the same month again, twice at once: nothing new in the budget, no new event
    const [x, y] = await Promise.all([liquida('2025-04'), liquida('2025-04')]);
    expect(x).toMatchObject({ stato: 'completate', importoLiquidatoCentesimi: 60_000 });
    expect(y).toMatchObject({ stato: 'completate', importoLiquidatoCentesimi: 60_000 });
    expect(await liquidazioniBudget([a, b, c])).toHaveLength(2);
    expect(await eventi('2025-04')).toHaveLength(2);
  });

  it('sends several batches in a pipeline: a refused month waits with its reason, every other is paid once', async () => {
    const benefici = [];
    for (let i = 0; i < 5; i++) benefici.push(await beneficio());
    // One month above its impegno (600 € against a residuo of 4,800 € is not; 6,000 € is).
    const [troppo] = benefici.splice(2, 1);
    await creaMese(svc, avviso.regoleId, '2026-02', [
      ...benefici.map((b) => ({ beneficioId: b.id })),
      { beneficioId: troppo.id, mensile: 600_000 },
    ]);
    const esito = await liquida('2026-02');
    expect(esito).toMatchObject({
      stato: 'in-attesa',
      mensilita: 5,
      liquidate: 4,
      inAttesa: 1,
      errore: 'LIQUIDAZIONE_OLTRE_IMPEGNO',
    });
    expect(await liquidazioniBudget([...benefici, troppo])).toEqual(
      benefici
        .map((b) => ({ chiave: `misure:beneficio:${b.id}:2026-02`, n: 1, importo: '40000' }))
        .sort((x, y) => (x.chiave < y.chiave ? -1 : 1)),
    );
    expect((await eventi('2026-02')).map((e) => e.payload.beneficioId).sort()).toEqual(
      benefici.map((b) => b.id).sort(),
    );
    // Run again: the refused month is tried again and refused again; nothing else moves.
    expect(await liquida('2026-02')).toMatchObject({ liquidate: 4, inAttesa: 1 });
    expect(await liquidazioniBudget([...benefici, troppo])).toHaveLength(4);
    expect(await eventi('2026-02')).toHaveLength(4);
  });

  it('with the budget down the months wait; the next run resumes them with the same keys, also one the budget had made before its reply was lost', async () => {
    const [a, b] = [await beneficio(), await beneficio()];
    await creaMese(svc, avviso.regoleId, '2025-05', [{ beneficioId: a.id }, { beneficioId: b.id }]);
    await budget.ferma();
    let esito: LiquidazioniMeseV1;
    try {
      esito = await liquida('2025-05');
    } finally {
      await budget.riavvia();
    }
    expect(esito).toMatchObject({ stato: 'in-attesa', liquidate: 0, inAttesa: 2 });
    expect(esito.errore).toEqual(expect.any(String));
    const preparate = await svc.sql<{ stato: string; chiave_idempotenza: string }>(
      `SELECT stato, chiave_idempotenza FROM liquidazione_mensile WHERE mese = '2025-05-01' ORDER BY 2`,
    );
    expect(preparate.map((p) => p.stato)).toEqual(['in-attesa', 'in-attesa']);
    expect(await liquidazioniBudget([a, b])).toEqual([]);
    // the budget registered a's month and its reply never arrived
    await budget.misure.chiama(
      MISURE_CHIAMATE.liquidazioneLotto,
      {
        liquidazioni: [
          {
            chiaveIdempotenza: `misure:beneficio:${a.id}:2025-05`,
            impegnoId: a.impegnoId,
            importoCentesimi: 40_000,
            periodo: '2025-05',
          },
        ],
      },
      { motivo: 'risposta persa' },
    );
    expect(await liquida('2025-05')).toMatchObject({ stato: 'completate', liquidate: 2, errore: null });
    expect(await liquidazioniBudget([a, b])).toEqual(
      [
        { chiave: `misure:beneficio:${a.id}:2025-05`, n: 1, importo: '40000' },
        { chiave: `misure:beneficio:${b.id}:2025-05`, n: 1, importo: '40000' },
      ].sort((x, y) => (x.chiave < y.chiave ? -1 : 1)),
    );
    expect(await eventi('2025-05')).toHaveLength(2);
  });

  it('a death reported after the months were paid becomes recuperi of what was not due, to claim when no payment follows', async () => {
    const [morta, altra] = [await beneficio(), await beneficio()];
    for (const mese of ['2025-06', '2025-07', '2025-08']) {
      await creaMese(svc, avviso.regoleId, mese, [{ beneficioId: morta.id }]);
      await liquida(mese);
    }
    // the death on 10 July is recorded in September, when the next month is liquidated
    await terminaBeneficio(svc, morta.id, '2025-07-10');
    await creaMese(svc, avviso.regoleId, '2025-09', [{ beneficioId: altra.id }]);
    expect(await liquida('2025-09')).toMatchObject({ stato: 'completate', recuperiRilevati: 2 });
    const recuperi = await udp()(elencaRecuperi, { beneficioId: morta.id });
    // July: 9 days of 31 were due (400 € × 9 / 31 = 116,13 €), the rest is to recover; August: all
    expect(recuperi.map((r) => [r.mese, r.causa, r.importoCentesimi, r.residuoCentesimi, r.stato])).toEqual([
      ['2025-07', 'decesso', 28_387, 28_387, 'da-richiedere'],
      ['2025-08', 'decesso', 40_000, 40_000, 'da-richiedere'],
    ]);
    expect(recuperi[0].motivo).toContain('erano dovuti 9 giorni su 31');
    // found once: the next run records nothing new
    expect((await liquida('2025-09')).recuperiRilevati).toBe(0);
    const richiesto = await udp()(richiediRecupero, {
      id: recuperi[1].id,
      numero: 'prot. 456/2025',
      data: '2025-09-20',
    });
    expect(richiesto).toMatchObject({ stato: 'richiesto', richiesta: 'prot. 456/2025 del 2025-09-20' });
    expect(
      await rifiuto(udp()(richiediRecupero, { id: recuperi[1].id, numero: 'altro', data: '2025-09-21' })),
    ).toBe('TRANSIZIONE_NON_CONSENTITA');
  });

  it('an amount found paid unduly while the beneficio goes on is withheld from its next payments until recovered', async () => {
    const b = await beneficio();
    for (const mese of ['2025-06', '2025-07']) {
      await creaMese(svc, avviso.regoleId, mese, [{ beneficioId: b.id }]);
      await liquida(mese);
    }
    const motivazione = 'Ricovero di sollievo oltre il limite comunicato dopo il pagamento';
    expect(
      await rifiuto(
        udp()(registraRecupero, {
          beneficioId: b.id,
          mese: '2025-06',
          causa: 'sospensione',
          importoCentesimi: 40_001,
          motivazione,
        }),
      ),
    ).toBe('RECUPERO_OLTRE_PAGATO');
    expect(
      await rifiuto(
        udp()(registraRecupero, {
          beneficioId: b.id,
          mese: '2025-03',
          causa: 'sospensione',
          importoCentesimi: 1_000,
          motivazione,
        }),
      ),
    ).toBe('MESE_NON_LIQUIDATO');
    await udp()(registraRecupero, {
      beneficioId: b.id,
      mese: '2025-06',
      causa: 'sospensione',
      importoCentesimi: 40_000,
      motivazione,
    });
    await udp()(registraRecupero, {
      beneficioId: b.id,
      mese: '2025-07',
      causa: 'correzione',
      importoCentesimi: 20_000,
      motivazione,
    });
    expect(
      await rifiuto(
        udp()(registraRecupero, {
          beneficioId: b.id,
          mese: '2025-07',
          causa: 'correzione',
          importoCentesimi: 1_000,
          motivazione,
        }),
      ),
    ).toBe('RECUPERO_GIA_REGISTRATO');
    expect((await udp()(elencaRecuperi, { beneficioId: b.id })).map((r) => r.stato)).toEqual([
      'in-compensazione',
      'in-compensazione',
    ]);

    // October: all withheld (nothing to the budget); November: the rest, then half paid
    await creaMese(svc, avviso.regoleId, '2025-10', [{ beneficioId: b.id }]);
    await liquida('2025-10');
    await creaMese(svc, avviso.regoleId, '2025-11', [{ beneficioId: b.id }]);
    await liquida('2025-11');
    const mesi = await svc.sql<{
      mese: string;
      compensato: string;
      liquidato: string;
      budget: string | null;
    }>(
      `SELECT to_char(mese, 'YYYY-MM') AS mese, compensato_centesimi AS compensato,
              importo_liquidato_centesimi AS liquidato, liquidazione_budget_id AS budget
         FROM liquidazione_mensile WHERE beneficio_id = $1 AND mese >= '2025-10-01' ORDER BY mese`,
      [b.id],
    );
    expect(mesi.map((m) => [m.mese, m.compensato, m.liquidato, m.budget === null])).toEqual([
      ['2025-10', '40000', '0', true],
      ['2025-11', '20000', '20000', false],
    ]);
    expect(
      (await udp()(elencaRecuperi, { beneficioId: b.id })).map((r) => [r.stato, r.residuoCentesimi]),
    ).toEqual([
      ['estinto', 0],
      ['estinto', 0],
    ]);
    const [ottobre] = (await eventi('2025-10')).filter((e) => e.payload.beneficioId === b.id);
    expect(ottobre.payload).toMatchObject({
      compensatoCentesimi: 40_000,
      importoLiquidatoCentesimi: 0,
      liquidazioneBudgetId: null,
    });
    expect(await liquidazioniBudget([b])).toEqual([
      { chiave: `misure:beneficio:${b.id}:2025-06`, n: 1, importo: '40000' },
      { chiave: `misure:beneficio:${b.id}:2025-07`, n: 1, importo: '40000' },
      { chiave: `misure:beneficio:${b.id}:2025-11`, n: 1, importo: '20000' },
    ]);
  });

  it('keeps the payee with a checked IBAN, read with a purpose and audited; the elenco names each payee', async () => {
    const [a, b, c] = [await beneficio(), await beneficio(), await beneficio()];
    await creaMese(svc, avviso.regoleId, '2025-12', [
      { beneficioId: a.id },
      { beneficioId: b.id },
      { beneficioId: c.id },
    ]);
    await liquida('2025-12');
    const contabile = () => svc.as(ATTORI.udp, ...CONTABILE);
    const pagamento = {
      beneficioId: a.id,
      intestatario: 'beneficiario' as const,
      nominativo: 'Maria Bianchi',
      codiceFiscale: 'BNCMRA45B52D142W',
      iban: IBAN,
    };
    expect(
      await rifiuto(
        contabile()(registraPagamentoBeneficio, { ...pagamento, iban: 'IT61X0542811101000000123456' }),
      ),
    ).toBe('VALIDAZIONE_FALLITA');
    expect(
      await rifiuto(
        contabile()(registraPagamentoBeneficio, { ...pagamento, codiceFiscale: 'BNCMRA45B52D142A' }),
      ),
    ).toBe('CODICE_FISCALE_NON_VALIDO');
    expect(
      await rifiuto(contabile()(registraPagamentoBeneficio, { ...pagamento, intestatario: 'delegato' })),
    ).toBe('VALIDAZIONE_FALLITA');
    expect(await rifiuto(svc.as(ATTORI.admin, ...CONTABILE)(registraPagamentoBeneficio, pagamento))).toBe(
      'OPERAZIONE_NON_CONSENTITA',
    );
    expect(await svc.sql(`SELECT * FROM pagamento_beneficio WHERE beneficio_id = $1`, [a.id])).toEqual([]);
    const registrato = await contabile()(registraPagamentoBeneficio, pagamento);
    expect(registrato).toMatchObject({
      iban: 'IT60X0542811101000000123456',
      intestatario: 'beneficiario',
      versione: 1,
    });
    await contabile()(registraPagamentoBeneficio, {
      ...pagamento,
      beneficioId: b.id,
      intestatario: 'delegato',
      nominativo: 'Luca Verdi',
      codiceFiscale: 'VRDLCU70A01D142W',
      delega: 'Trib. Cremona, decreto 123/2024',
    });
    // reads of the payee need a purpose, and leave an audit row naming the person
    expect(
      await rifiuto(svc.as(ATTORI.udp, null, null)(leggiPagamentoBeneficio, { beneficioId: a.id })),
    ).toBe('FINALITA_MANCANTE');
    expect(await contabile()(leggiPagamentoBeneficio, { beneficioId: a.id })).toMatchObject({
      nominativo: 'Maria Bianchi',
    });

    const elenco = await contabile()(elencoLiquidazione, { mese: '2025-12' });
    expect(elenco.totaleLiquidatoCentesimi).toBe(120_000);
    expect(elenco.daCompletare).toBe(1);
    expect(elenco.totale).toBe(3);
    const perBeneficio = new Map(elenco.elementi.map((v) => [v.beneficioId, v]));
    expect(perBeneficio.get(a.id)).toMatchObject({
      intestatario: 'beneficiario',
      controlloIban: 'valido',
      importoLiquidatoCentesimi: 40_000,
    });
    expect(perBeneficio.get(b.id)).toMatchObject({ intestatario: 'delegato', nominativo: 'Luca Verdi' });
    expect(perBeneficio.get(c.id)).toMatchObject({
      intestatario: null,
      iban: null,
      controlloIban: 'mancante',
    });
    expect(perBeneficio.get(a.id)!.protocollo).toMatch(/^T[0-9A-F]{8}-2025-\d{6}$/);
    const audit = await svc.sql<{ azione: string; soggetto_id: string | null; finalita: string | null }>(
      `SELECT azione, soggetto_id, finalita FROM voce_audit WHERE azione IN ('leggi-pagamento', 'elenco-liquidazione', 'registra-pagamento') AND esito = 'consentito'`,
    );
    expect(audit).toEqual(
      expect.arrayContaining([
        { azione: 'leggi-pagamento', soggetto_id: a.personaId, finalita: 'gestione-contabile' },
        { azione: 'registra-pagamento', soggetto_id: b.personaId, finalita: 'gestione-contabile' },
        { azione: 'elenco-liquidazione', soggetto_id: c.personaId, finalita: 'gestione-contabile' },
        { azione: 'elenco-liquidazione', soggetto_id: null, finalita: 'gestione-contabile' },
      ]),
    );
  });

  it('gives an elenco beyond the 1 MB of a NATS message in pages and in CSV parts, each well below it', async () => {
    const x = await beneficio();
    await creaMese(svc, avviso.regoleId, '2026-01', [{ beneficioId: x.id }]);
    await liquida('2026-01');
    const contabile = () => svc.as(ATTORI.udp, ...CONTABILE);
    await contabile()(registraPagamentoBeneficio, {
      beneficioId: x.id,
      intestatario: 'delegato',
      nominativo: 'Maria Giovanna Bianchi Lombardini',
      codiceFiscale: 'BNCMRA45B52D142W',
      iban: IBAN,
      delega: 'Trib. Cremona, decreto 123/2024',
    });
    // 6,000 more liquidated months like x's, with their payees (copies of its rows, by SQL).
    const N = 6_000;
    const copie = JSON.stringify(
      Array.from({ length: N }, (_, i) => ({
        beneficio: randomUUID(),
        istanza: randomUUID(),
        persona: randomUUID(),
        erogazione: randomUUID(),
        liquidazione: randomUUID(),
        numero: 900_000 + i,
      })),
    );
    const copia = (tabella: string, campi: string, where: string) =>
      svc.sql(
        `INSERT INTO ${tabella}
         SELECT (jsonb_populate_record(t, jsonb_build_object(${campi}))).*
           FROM ${tabella} t, jsonb_to_recordset($1::jsonb)
                AS x(beneficio uuid, istanza uuid, persona uuid, erogazione uuid, liquidazione uuid, numero int)
          WHERE ${where}`,
        [copie, x.id],
      );
    await copia(
      'istanza',
      `'id', x.istanza, 'persona_id', x.persona, 'protocollo_numero', x.numero`,
      `t.id = (SELECT istanza_id FROM beneficio WHERE id = $2)`,
    );
    await copia(
      'beneficio',
      `'id', x.beneficio, 'istanza_id', x.istanza, 'persona_id', x.persona, 'evento_id', gen_random_uuid()`,
      `t.id = $2`,
    );
    await copia(
      'erogazione_mensile',
      `'id', x.erogazione, 'beneficio_id', x.beneficio`,
      `t.beneficio_id = $2 AND t.mese = '2026-01-01'`,
    );
    await copia(
      'liquidazione_mensile',
      `'id', x.liquidazione, 'erogazione_id', x.erogazione, 'beneficio_id', x.beneficio,
       'chiave_idempotenza', 'misure:beneficio:' || x.beneficio || ':2026-01'`,
      `t.beneficio_id = $2 AND t.mese = '2026-01-01'`,
    );
    await copia('pagamento_beneficio', `'beneficio_id', x.beneficio`, `t.beneficio_id = $2`);

    const prima = await contabile()(elencoLiquidazione, { mese: '2026-01', perPagina: 200 });
    expect(prima).toMatchObject({
      totale: N + 1,
      totaleLiquidatoCentesimi: (N + 1) * 40_000,
      daCompletare: 0,
      pagina: 1,
      perPagina: 200,
    });
    expect(prima.elementi).toHaveLength(200);
    expect(prima.elementi[0].beneficioId).toBe(x.id);
    const ultima = await contabile()(elencoLiquidazione, { mese: '2026-01', pagina: 31, perPagina: 200 });
    expect(ultima.elementi).toHaveLength(1);

    const parti: Array<{ csv: string; dopo: string | null }> = [];
    let dopo: string | undefined;
    do {
      const parte = await contabile()(elencoLiquidazioneCsv, { mese: '2026-01', ...(dopo ? { dopo } : {}) });
      parti.push(parte);
      dopo = parte.dopo ?? undefined;
    } while (dopo);
    const byte = parti.map((p) => Buffer.byteLength(JSON.stringify(p)));
    expect(byte.reduce((a, b) => a + b, 0)).toBeGreaterThan(1024 * 1024);
    for (const b of byte) expect(b).toBeLessThan(300 * 1024);
    const righe = parti
      .map((p) => p.csv)
      .join('')
      .split('\r\n');
    expect(righe[0]).toBe(`Elenco di liquidazione 2026-01;totale ${(N + 1) * 400},00;da completare 0`);
    const voci = righe.slice(2, -1);
    expect(voci).toHaveLength(N + 1);
    expect(new Set(voci.map((r) => r.split(';')[0])).size).toBe(N + 1);
    expect(voci[N]).toContain(';delegato;Maria Giovanna Bianchi Lombardini;BNCMRA45B52D142W;');
    const elencate = await svc.sql<{ n: number }>(
      `SELECT count(DISTINCT soggetto_id)::int AS n FROM voce_audit WHERE azione = 'elenco-liquidazione' AND criteri IS NULL
          AND risorsa_id = ANY (SELECT beneficio_id::text FROM liquidazione_mensile WHERE mese = '2026-01-01')`,
    );
    expect(elencate[0].n).toBe(N + 1);
  }, 120_000);
});
