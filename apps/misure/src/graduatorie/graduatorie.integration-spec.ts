import { BUDGET_RPC, MISURE_RPC, type OrdinamentoV1 } from '@ambito/contracts';
import { eventually, rifiuto, testActor } from '@ambito/testing';
// The real budget service, started in-process as its own tests start it: misure's impegni are its.
// eslint-disable-next-line @nx/enforce-module-boundaries
import {
  ATTORI as ATTORI_BUDGET,
  assegnazione,
  startTestBudget,
  type TestBudget,
} from '../../../budget/test/budget-harness';
import {
  creaAvviso,
  creaIstanza,
  type AvvisoDiTest,
  type IstanzaDiTest,
} from '../../test/graduatorie-fixture';
import { ATTORI, startTestMisure, type TestMisure } from '../../test/misure-harness';
import { ordinaETaglia, type VoceDaOrdinare } from './ordinamento';

const {
  formaGraduatorie,
  leggiGraduatoria,
  elencaVociGraduatoria,
  pubblicaGraduatoria,
  elencaGraduatorie,
  approvaGraduatoria,
  cessaBeneficio,
} = MISURE_RPC;
const { registraAssegnazione, registraLinea, assegnaDotazione, registraAbilitazione } = BUDGET_RPC;

/** Who forms (udp), who judged some istanze (istruttore), who approves (udp.due, udp.tre). */
const UDP = ATTORI.udp;
const UDP2 = testActor('udp.due', ['ufficio-di-piano']);
const UDP3 = testActor('udp.tre', ['ufficio-di-piano']);
const ISTRUTTORE = testActor('istruttore.udp', ['ufficio-di-piano']);

const MENSILE = 40_000; // € 400 a month
const TOTALE = MENSILE * 12; // € 4.800 for the avviso's 12 months
const DETERMINA = { numero: '210/2025', data: '2025-04-20' };

/**
 * Issue 9, points 6 and 8 (graduatoria approvata, beneficio concesso): formation (order and budget cut
 * in one SQL query, agreeing with the pure path), approval with impegni in a real budget service (all or
 * nothing, four eyes, concurrent approvals), scorrimento.
 */
describe('graduatorie (NATS → misure → PostgreSQL; impegni in the real budget service)', () => {
  let budget: TestBudget;
  let svc: TestMisure;
  const come = (actor = UDP) => svc.as(actor);

  /** A budget line of 2025 with `importo` cents of FNA-B2 2024, on which misure may commit and reduce. */
  async function linea(codice: string, importo: number, abilitata = true): Promise<void> {
    const udp = budget.as(ATTORI_BUDGET.udp);
    await udp(registraLinea, {
      codice,
      denominazione: `Buoni B2 ${codice}`,
      esercizio: 2025,
      categoria: 'misure-b2',
      preventivoCentesimi: importo,
    });
    await udp(assegnaDotazione, { fondo: 'FNA-B2', anno: 2024, linea: codice, importoCentesimi: importo });
    if (abilitata)
      await udp(registraAbilitazione, {
        servizio: 'misure',
        linea: codice,
        operazioni: ['impegno', 'riduzione'],
        validoDal: '2025-01-01',
        atto: { tipo: 'determina', numero: '12/2025', data: '2024-12-30' },
      });
  }

  /** An avviso with one anziani graduatoria of `budgetCentesimi` on `codice`, and its istanze. */
  async function avvisoConIstanze(
    codice: string,
    budgetCentesimi: number,
    istanze: IstanzaDiTest[],
    opzioni: Parameters<typeof creaAvviso>[2] = {},
  ): Promise<AvvisoDiTest & { istanze: Array<{ id: string; personaId: string }> }> {
    const avviso = await creaAvviso(
      svc,
      [{ area: 'anziani', linea: codice, fondo: 'FNA-B2', annoFondo: 2024, budgetCentesimi }],
      opzioni,
    );
    const create = [];
    for (const i of istanze) create.push(await creaIstanza(svc, avviso, i));
    return { ...avviso, istanze: create };
  }

  const impegniDi = (istanze: string[]) =>
    budget.sql<{
      chiave_idempotenza: string;
      importo_centesimi: string;
      registrato_da: string;
      riferimento: string;
    }>(
      `SELECT chiave_idempotenza, importo_centesimi, registrato_da, riferimento, creditore_identificativo
         FROM impegno WHERE riferimento = ANY($1) ORDER BY chiave_idempotenza`,
      [istanze.map((id) => `misure:istanza:${id}`)],
    );
  const eventi = (type: string) =>
    svc.sql<{ payload: Record<string, unknown> }>(
      `SELECT envelope->'payload' AS payload FROM outbox_message WHERE type = $1 ORDER BY created_at`,
      [type],
    );
  const voci = async (a: AvvisoDiTest, area = 'anziani') =>
    (
      await come()(elencaVociGraduatoria, {
        avvisoId: a.avvisoId,
        graduatoriaId: a.graduatorie[area],
        perPagina: 200,
      })
    ).elementi;

  beforeAll(async () => {
    budget = await startTestBudget();
    // The same keys: budget trusts the signature misure makes with its own key.
    // Batches of one impegno: with two istanze, the second batch refused after the first committed
    // exercises the compensation (the first reduced back); flusso.integration-spec runs batches of 500.
    svc = await startTestMisure({ identita: budget.identita, env: { IMPEGNI_PER_LOTTO: '1' } });
    await budget.as(ATTORI_BUDGET.udp)(registraAssegnazione, assegnazione('FNA-B2', 2024, 500_000_000));
  });
  afterAll(async () => {
    await svc?.close();
    await budget?.close();
  });

  describe('formation', () => {
    it('orders by the rule set (ISEE ascending, then protocol) and finances while the budget covers each total', async () => {
      // Budget for two totals and a bit: the third in order does not fit, nor any after it.
      const a = await avvisoConIstanze('B2-FORMA', 2 * TOTALE + 10_000, [
        { protocollo: 1, esito: 'ammissibile', iseeCentesimi: 1_500_000 },
        { protocollo: 2, esito: 'ammissibile', iseeCentesimi: 500_000 },
        { protocollo: 3, esito: 'ammissibile', iseeCentesimi: 500_000 },
        { protocollo: 4, esito: 'ammissibile', iseeCentesimi: null },
        { protocollo: 5, esito: 'non-ammissibile', iseeCentesimi: 100_000 },
        // another strumento's istanza: in no graduatoria of this avviso
        { protocollo: 6, esito: 'ammissibile', strumento: 'voucher-minori', iseeCentesimi: 100_000 },
      ]);
      const formate = await come()(formaGraduatorie, { avvisoId: a.avvisoId });
      expect(formate.ammissibiliSenzaGraduatoria).toBe(1);
      expect(formate.graduatorie).toEqual([
        expect.objectContaining({
          area: 'anziani',
          stato: 'formata',
          finanziate: 2,
          idoneeNonFinanziate: 2,
          finanziatoCentesimi: 2 * TOTALE,
        }),
      ]);
      expect((await voci(a)).map((v) => [v.posizione, v.protocollo, v.esito, v.importoCentesimi])).toEqual([
        [1, '2/2025', 'finanziata', TOTALE],
        [2, '3/2025', 'finanziata', TOTALE],
        [3, '1/2025', 'idonea-non-finanziata', TOTALE],
        // no ISEE: last, whatever the direction
        [4, '4/2025', 'idonea-non-finanziata', TOTALE],
      ]);
      // the reading names no person: ids of istanze, protocol numbers and amounts only
      const graduatoriaId = a.graduatorie.anziani;
      const letta = await come()(leggiGraduatoria, { avvisoId: a.avvisoId, graduatoriaId });
      const persone = new RegExp(a.istanze.map((i) => i.personaId).join('|'));
      expect(JSON.stringify(letta)).not.toMatch(persone);
      expect(await come()(elencaGraduatorie, { avvisoId: a.avvisoId })).toEqual([
        expect.objectContaining({ id: graduatoriaId, finanziate: 2 }),
      ]);

      // positions in pages, also of one esito; the publication is the whole list in one CSV
      const pagina = (filtro: { pagina: number; perPagina: number; esito?: 'idonea-non-finanziata' }) =>
        come()(elencaVociGraduatoria, { avvisoId: a.avvisoId, graduatoriaId, ...filtro });
      const seconda = await pagina({ pagina: 2, perPagina: 3 });
      expect(seconda).toMatchObject({ totale: 4, pagina: 2, perPagina: 3 });
      expect(seconda.elementi.map((v) => v.protocollo)).toEqual(['4/2025']);
      const idonee = await pagina({ pagina: 1, perPagina: 10, esito: 'idonea-non-finanziata' });
      expect([idonee.totale, ...idonee.elementi.map((v) => v.posizione)]).toEqual([2, 3, 4]);
      const { csv } = await come()(pubblicaGraduatoria, { avvisoId: a.avvisoId, graduatoriaId });
      expect(
        csv
          .split('\r\n')
          .slice(2, -1)
          .map((riga) => riga.split(';').slice(0, 3)),
      ).toEqual([
        ['1', '2/2025', 'finanziata'],
        ['2', '3/2025', 'finanziata'],
        ['3', '1/2025', 'idonea-non-finanziata'],
        ['4', '4/2025', 'idonea-non-finanziata'],
      ]);
      expect(csv).not.toMatch(persone);
      expect(await rifiuto(pagina({ pagina: 1, perPagina: 201 }))).toBe('VALIDAZIONE_FALLITA');
    });

    it('agrees with the pure path (the simulation’s) on the same istanze, for B2 and Dopo di Noi orders', async () => {
      const dopoDiNoi: OrdinamentoV1[] = [
        { criterio: 'priorita-garantita', verso: 'decrescente' },
        { criterio: 'urgenza', verso: 'decrescente' },
      ];
      const b2: OrdinamentoV1[] = [
        { criterio: 'isee', verso: 'crescente' },
        { criterio: 'protocollo', verso: 'crescente' },
      ];
      for (const [codice, ordinamento] of [
        ['B2-PURO', b2],
        ['DDN-PURO', dopoDiNoi],
      ] as const) {
        const { parametriB2 } = await import('../../test/graduatorie-fixture');
        // 40 istanze with repeated keys, amounts that vary, protocol times not in number order
        const istanze: IstanzaDiTest[] = Array.from({ length: 40 }, (_, k) => ({
          protocollo: k + 1,
          minuto: (k * 7) % 40,
          esito: 'ammissibile',
          iseeCentesimi: k % 9 === 0 ? null : ((k * 37) % 5) * 300_000,
          totaleCentesimi: 100_000 + ((k * 13) % 7) * 50_000,
          chiavi: { prioritaGarantita: k % 3, urgenza: (k * 11) % 5 },
        }));
        const a = await avvisoConIstanze(codice, 2_000_000, istanze, { parametri: parametriB2(ordinamento) });
        await come()(formaGraduatorie, { avvisoId: a.avvisoId });
        const righe = await svc.sql<{
          id: string;
          protocollo_anno: number;
          protocollo_numero: number;
          protocollata_il: Date;
          isee_centesimi: string | null;
          chiavi: { eta: number; prioritaGarantita: number; urgenza: number };
          importo_mensile_centesimi: string | null;
          importo_totale_centesimi: string;
        }>(`SELECT * FROM istanza WHERE avviso_id = $1`, [a.avvisoId]);
        const pure = ordinaETaglia(
          righe.map((r): VoceDaOrdinare => ({
            chiave: r.id,
            protocolloAnno: r.protocollo_anno,
            protocolloNumero: r.protocollo_numero,
            protocollataIl: r.protocollata_il.getTime(),
            iseeCentesimi: r.isee_centesimi === null ? null : Number(r.isee_centesimi),
            eta: r.chiavi.eta,
            prioritaGarantita: r.chiavi.prioritaGarantita,
            urgenza: r.chiavi.urgenza,
            importoMensileCentesimi: null,
            importoCentesimi: Number(r.importo_totale_centesimi),
          })),
          ordinamento,
          2_000_000,
        );
        const sql = await voci(a);
        expect(sql.map((v) => [v.posizione, v.istanzaId, v.esito])).toEqual(
          pure.map((v) => [v.posizione, v.chiave, v.stato]),
        );
        // both cut somewhere inside: the test would see a disagreement on the cut
        expect(sql.filter((v) => v.esito === 'finanziata').length).toBeGreaterThan(3);
        expect(sql.filter((v) => v.esito === 'idonea-non-finanziata').length).toBeGreaterThan(3);
      }
    });

    it('refuses an avviso not closed, or with istanze not yet decided, and writes nothing', async () => {
      const aperto = await avvisoConIstanze('B2-APERTO', TOTALE, [{ protocollo: 1, esito: 'ammissibile' }], {
        stato: 'pubblicato',
      });
      expect(await rifiuto(come()(formaGraduatorie, { avvisoId: aperto.avvisoId }))).toBe(
        'AVVISO_NON_CHIUSO',
      );
      for (const esito of ['da-verificare', null] as const) {
        const a = await avvisoConIstanze('B2-DECIDERE', TOTALE, [
          { protocollo: 1, esito: 'ammissibile' },
          { protocollo: 2, esito },
        ]);
        expect(await rifiuto(come()(formaGraduatorie, { avvisoId: a.avvisoId }))).toBe('ISTANZE_DA_DECIDERE');
        expect(
          await svc.sql(`SELECT * FROM graduatoria_voce WHERE graduatoria_id = $1`, [a.graduatorie.anziani]),
        ).toEqual([]);
        expect(await svc.sql(`SELECT stato FROM graduatoria WHERE id = $1`, [a.graduatorie.anziani])).toEqual(
          [{ stato: 'da-formare' }],
        );
      }
      expect(
        await rifiuto(come()(formaGraduatorie, { avvisoId: '0b5c8f3e-63d9-4b4f-9e7c-3b1d6f0a9e21' })),
      ).toBe('AVVISO_NON_TROVATO');
      expect(await rifiuto(come(ATTORI.operatore)(formaGraduatorie, { avvisoId: aperto.avvisoId }))).toBe(
        'OPERAZIONE_NON_CONSENTITA',
      );
    });
  });

  describe('approval', () => {
    it('commits one impegno per financed istanza as the misure service, approves, emits the events, and closes the avviso with its last graduatoria', async () => {
      await linea('B2-APPROVA-ANZ', 10 * TOTALE);
      await linea('B2-APPROVA-DIS', 10 * TOTALE);
      const a = await creaAvviso(svc, [
        {
          area: 'anziani',
          linea: 'B2-APPROVA-ANZ',
          fondo: 'FNA-B2',
          annoFondo: 2024,
          budgetCentesimi: 2 * TOTALE,
        },
        { area: 'disabili-adulti', linea: 'B2-APPROVA-DIS', budgetCentesimi: TOTALE },
      ]);
      const anz = [
        await creaIstanza(svc, a, {
          protocollo: 1,
          esito: 'ammissibile',
          iseeCentesimi: 300_000,
          istruitaDa: ISTRUTTORE.userId,
        }),
        await creaIstanza(svc, a, { protocollo: 2, esito: 'ammissibile', iseeCentesimi: 200_000 }),
        await creaIstanza(svc, a, { protocollo: 3, esito: 'ammissibile', iseeCentesimi: 900_000 }),
      ];
      const dis = await creaIstanza(svc, a, { protocollo: 4, esito: 'ammissibile', area: 'disabili-adulti' });
      await come(UDP)(formaGraduatorie, { avvisoId: a.avvisoId });
      const approva = (actor: typeof UDP, area = 'anziani') =>
        come(actor)(approvaGraduatoria, {
          avvisoId: a.avvisoId,
          graduatoriaId: a.graduatorie[area],
          determina: DETERMINA,
        });

      // four eyes: who formed it, who judged one of its istanze
      expect(await rifiuto(approva(UDP))).toBe('APPROVAZIONE_DEL_PROPONENTE');
      expect(await rifiuto(approva(ISTRUTTORE))).toBe('APPROVAZIONE_DEL_PROPONENTE');
      expect(await impegniDi(anz.map((i) => i.id))).toEqual([]);

      const approvata = await approva(UDP2);
      expect(approvata).toMatchObject({ stato: 'approvata', finanziate: 2, determina: DETERMINA });
      const impegni = await impegniDi([anz[0].id, anz[1].id, anz[2].id]);
      expect(impegni).toEqual(
        [anz[1], anz[0]]
          .map((i) => ({
            chiave_idempotenza: `misure:istanza:${i.id}:a1`,
            importo_centesimi: String(TOTALE),
            registrato_da: 'servizio:misure',
            riferimento: `misure:istanza:${i.id}`,
            creditore_identificativo: `persona:${i.personaId}`,
          }))
          .sort((x, y) => x.chiave_idempotenza.localeCompare(y.chiave_idempotenza)),
      );
      const ids = await budget.sql<{ id: string; riferimento: string }>(
        `SELECT id, riferimento FROM impegno WHERE riferimento = ANY($1)`,
        [anz.map((i) => `misure:istanza:${i.id}`)],
      );
      expect((await voci(a)).map((v) => [v.istanzaId, v.esito, v.impegnoId])).toEqual([
        [anz[1].id, 'finanziata', ids.find((r) => r.riferimento.endsWith(anz[1].id))?.id],
        [anz[0].id, 'finanziata', ids.find((r) => r.riferimento.endsWith(anz[0].id))?.id],
        [anz[2].id, 'idonea-non-finanziata', null],
      ]);
      expect((await eventi('misure.graduatoria.approvata')).map((e) => e.payload)).toContainEqual(
        expect.objectContaining({
          graduatoriaId: a.graduatorie.anziani,
          finanziate: 2,
          idoneeNonFinanziate: 1,
          impegnatoCentesimi: 2 * TOTALE,
          approvataDa: 'udp.due',
          determina: DETERMINA,
        }),
      );
      const concessi = (await eventi('misure.beneficio.concesso')).map((e) => e.payload);
      expect(concessi).toContainEqual({
        istanzaId: anz[1].id,
        personaId: anz[1].personaId,
        avvisoId: a.avvisoId,
        graduatoriaId: a.graduatorie.anziani,
        misura: 'b2',
        strumento: 'buono-caregiver',
        importoMensileCentesimi: MENSILE,
        importoTotaleCentesimi: TOTALE,
        dal: '2025-04-01',
        al: '2026-03-31',
        linea: 'B2-APPROVA-ANZ',
        fondo: 'FNA-B2',
        annoFondo: 2024,
        impegnoId: ids.find((r) => r.riferimento.endsWith(anz[1].id))?.id,
        causa: 'approvazione',
      });
      expect(concessi.filter((p) => p.avvisoId === a.avvisoId)).toHaveLength(2);
      expect(await rifiuto(approva(UDP3))).toBe('GRADUATORIA_GIA_APPROVATA');

      // the avviso moves when its last graduatoria is approved
      expect(await svc.sql(`SELECT stato FROM avviso WHERE id = $1`, [a.avvisoId])).toEqual([
        { stato: 'chiuso' },
      ]);
      await approva(UDP2, 'disabili-adulti');
      expect(await svc.sql(`SELECT stato FROM avviso WHERE id = $1`, [a.avvisoId])).toEqual([
        { stato: 'graduatorie-approvate' },
      ]);
      expect(await impegniDi([dis.id])).toHaveLength(1);
    });

    it('two concurrent approvals of the same graduatoria produce one set of impegni', async () => {
      await linea('B2-CONCORRENTI', 10 * TOTALE);
      const a = await avvisoConIstanze(
        'B2-CONCORRENTI',
        5 * TOTALE,
        Array.from({ length: 7 }, (_, k) => ({
          protocollo: k + 1,
          esito: 'ammissibile' as const,
          iseeCentesimi: k * 1000,
        })),
      );
      await come(UDP)(formaGraduatorie, { avvisoId: a.avvisoId });
      const richiesta = { avvisoId: a.avvisoId, graduatoriaId: a.graduatorie.anziani, determina: DETERMINA };
      const esiti = await Promise.allSettled([
        come(UDP2)(approvaGraduatoria, richiesta),
        come(UDP3)(approvaGraduatoria, richiesta),
        come(UDP2)(approvaGraduatoria, richiesta),
      ]);
      expect(esiti.filter((e) => e.status === 'fulfilled')).toHaveLength(1);
      for (const e of esiti)
        if (e.status === 'rejected')
          expect(['GRADUATORIA_IN_APPROVAZIONE', 'GRADUATORIA_GIA_APPROVATA']).toContain(
            (e.reason as { code: string }).code,
          );
      const impegni = await impegniDi(a.istanze.map((i) => i.id));
      expect(impegni).toHaveLength(5);
      expect(new Set(impegni.map((i) => i.riferimento)).size).toBe(5);
      expect(
        await svc.sql(
          `SELECT count(*)::int AS n FROM graduatoria_voce WHERE graduatoria_id = $1 AND impegno_id IS NOT NULL`,
          [a.graduatorie.anziani],
        ),
      ).toEqual([{ n: 5 }]);
      expect(
        (await eventi('misure.beneficio.concesso')).filter(
          (e) => e.payload.graduatoriaId === a.graduatorie.anziani,
        ),
      ).toHaveLength(5);
    });

    it('is all or nothing: a refused impegno reduces the ones made, leaves the graduatoria formed with the error, and a retry commits anew', async () => {
      // The line has money for one total, the graduatoria's budget says two.
      await linea('B2-CORTA', TOTALE);
      const a = await avvisoConIstanze('B2-CORTA', 2 * TOTALE, [
        { protocollo: 1, esito: 'ammissibile' },
        { protocollo: 2, esito: 'ammissibile' },
      ]);
      await come(UDP)(formaGraduatorie, { avvisoId: a.avvisoId });
      const richiesta = { avvisoId: a.avvisoId, graduatoriaId: a.graduatorie.anziani, determina: DETERMINA };
      const eventiPrima = (await eventi('misure.beneficio.concesso')).length;
      expect(await rifiuto(come(UDP2)(approvaGraduatoria, richiesta))).toBe('BUDGET_INSUFFICIENTE');
      // the one made is reduced back to nothing: the line's money is whole again
      const fatti = await budget.sql<{ id: string; importo_centesimi: string }>(
        `SELECT id, importo_centesimi FROM impegno WHERE riferimento = ANY($1)`,
        [a.istanze.map((i) => `misure:istanza:${i.id}`)],
      );
      expect(fatti).toEqual([{ id: expect.any(String), importo_centesimi: '0' }]);
      expect(
        await budget.sql(
          `SELECT tipo, causale, importo_centesimi FROM movimento WHERE impegno_id = $1 ORDER BY tipo`,
          [fatti[0].id],
        ),
      ).toEqual([
        { tipo: 'impegno', causale: null, importo_centesimi: String(TOTALE) },
        { tipo: 'riduzione', causale: 'revoca', importo_centesimi: String(TOTALE) },
      ]);
      const letta = await come()(leggiGraduatoria, {
        avvisoId: a.avvisoId,
        graduatoriaId: a.graduatorie.anziani,
      });
      expect(letta).toMatchObject({
        stato: 'formata',
        determina: null,
        ultimoErrore: {
          codice: 'BUDGET_INSUFFICIENTE',
          messaggio: expect.stringMatching(/Budget insufficiente/),
        },
      });
      expect((await voci(a)).every((v) => v.impegnoId === null)).toBe(true);
      expect(await eventi('misure.beneficio.concesso')).toHaveLength(eventiPrima);

      // money comes to the line: the retry is a new attempt, with new keys
      await budget.as(ATTORI_BUDGET.udp)(assegnaDotazione, {
        fondo: 'FNA-B2',
        anno: 2024,
        linea: 'B2-CORTA',
        importoCentesimi: TOTALE,
      });
      expect(await come(UDP2)(approvaGraduatoria, richiesta)).toMatchObject({
        stato: 'approvata',
        ultimoErrore: null,
      });
      const dopo = await budget.sql<{ chiave_idempotenza: string; importo_centesimi: string }>(
        `SELECT chiave_idempotenza, importo_centesimi FROM impegno WHERE riferimento = ANY($1) AND importo_centesimi > 0`,
        [a.istanze.map((i) => `misure:istanza:${i.id}`)],
      );
      expect(dopo.map((i) => i.chiave_idempotenza).sort()).toEqual(
        a.istanze.map((i) => `misure:istanza:${i.id}:a2`).sort(),
      );
    });

    it('answers a large graduatoria before the gateway gives up, and approves it after the reply', async () => {
      const n = 160;
      await linea('B2-GRANDE', n * TOTALE);
      const a = await avvisoConIstanze(
        'B2-GRANDE',
        n * TOTALE,
        Array.from({ length: n }, (_, k) => ({ protocollo: k + 1, esito: 'ammissibile' as const })),
      );
      await come(UDP)(formaGraduatorie, { avvisoId: a.avvisoId });
      const inizio = Date.now();
      const risposta = await come(UDP2)(approvaGraduatoria, {
        avvisoId: a.avvisoId,
        graduatoriaId: a.graduatorie.anziani,
        determina: DETERMINA,
      });
      // within the gateway's 5 s: approved if budget was quick enough, else still being approved
      expect(Date.now() - inizio).toBeLessThan(4_500);
      expect(['in-approvazione', 'approvata']).toContain(risposta.stato);
      await eventually(
        async () => {
          const g = await come()(leggiGraduatoria, {
            avvisoId: a.avvisoId,
            graduatoriaId: a.graduatorie.anziani,
          });
          expect(g.stato).toBe('approvata');
          return g;
        },
        { timeoutMs: 30_000, intervalMs: 200 },
      );
      expect((await voci(a)).every((v) => v.impegnoId !== null)).toBe(true);
      expect(await impegniDi(a.istanze.map((i) => i.id))).toHaveLength(n);
    });

    it('returns the budget’s refusal when misure is not granted the line, committing nothing', async () => {
      await linea('B2-NON-ABILITATA', 10 * TOTALE, false);
      const a = await avvisoConIstanze('B2-NON-ABILITATA', TOTALE, [{ protocollo: 1, esito: 'ammissibile' }]);
      await come(UDP)(formaGraduatorie, { avvisoId: a.avvisoId });
      expect(
        await rifiuto(
          come(UDP2)(approvaGraduatoria, {
            avvisoId: a.avvisoId,
            graduatoriaId: a.graduatorie.anziani,
            determina: DETERMINA,
          }),
        ),
      ).toBe('SERVIZIO_NON_ABILITATO');
      expect(await impegniDi(a.istanze.map((i) => i.id))).toEqual([]);
      expect(
        await svc.sql(`SELECT stato, ultimo_errore->>'codice' AS codice FROM graduatoria WHERE id = $1`, [
          a.graduatorie.anziani,
        ]),
      ).toEqual([{ stato: 'formata', codice: 'SERVIZIO_NON_ABILITATO' }]);
    });
  });

  describe('scorrimento', () => {
    it('reduces the ceased beneficiary’s impegno and finances the next idonee with the freed money, with history and events', async () => {
      await linea('B2-SCORRE', 10 * TOTALE);
      // budget for two totals and a half: 2 financed, then 2 idonee
      const a = await avvisoConIstanze('B2-SCORRE', 2 * TOTALE + TOTALE / 2, [
        { protocollo: 1, esito: 'ammissibile', iseeCentesimi: 100_000 },
        { protocollo: 2, esito: 'ammissibile', iseeCentesimi: 200_000 },
        { protocollo: 3, esito: 'ammissibile', iseeCentesimi: 300_000 },
        { protocollo: 4, esito: 'ammissibile', iseeCentesimi: 400_000 },
      ]);
      const [primo, , terzo] = a.istanze;
      const cessa = (istanzaId: string, causa: 'rinuncia' | 'revoca' = 'rinuncia') =>
        come(UDP2)(cessaBeneficio, {
          avvisoId: a.avvisoId,
          graduatoriaId: a.graduatorie.anziani,
          istanzaId,
          causa,
          motivazione: 'Rinuncia scritta del beneficiario del 2 maggio',
          determina: { numero: '250/2025', data: '2025-05-05' },
        });
      await come(UDP)(formaGraduatorie, { avvisoId: a.avvisoId });
      expect(await rifiuto(cessa(primo.id))).toBe('GRADUATORIA_NON_APPROVATA');
      await come(UDP2)(approvaGraduatoria, {
        avvisoId: a.avvisoId,
        graduatoriaId: a.graduatorie.anziani,
        determina: DETERMINA,
      });
      const [impegnoPrimo] = await budget.sql<{ id: string }>(
        `SELECT id FROM impegno WHERE riferimento = $1`,
        [`misure:istanza:${primo.id}`],
      );

      await cessa(primo.id);
      const dopo = await voci(a);
      expect(dopo.map((v) => [v.posizione, v.esito])).toEqual([
        [1, 'rinuncia'],
        [2, 'finanziata'],
        [3, 'finanziata'],
        [4, 'idonea-non-finanziata'],
      ]);
      expect(
        await budget.sql(
          `SELECT tipo, causale, importo_centesimi FROM movimento WHERE impegno_id = $1 ORDER BY tipo`,
          [impegnoPrimo.id],
        ),
      ).toEqual([
        { tipo: 'impegno', causale: null, importo_centesimi: String(TOTALE) },
        { tipo: 'riduzione', causale: 'rinuncia', importo_centesimi: String(TOTALE) },
      ]);
      const [nuovo] = await budget.sql<{ id: string; chiave_idempotenza: string }>(
        `SELECT id, chiave_idempotenza FROM impegno WHERE riferimento = $1`,
        [`misure:istanza:${terzo.id}`],
      );
      expect(nuovo.chiave_idempotenza).toBe(`misure:istanza:${terzo.id}:s1`);
      expect(dopo[2].impegnoId).toBe(nuovo.id);
      expect(
        await svc.sql(
          `SELECT istanza_id, evento, impegno_id, importo_centesimi, determina_numero, motivazione, registrato_da
             FROM graduatoria_voce_storia WHERE graduatoria_id = $1 AND evento <> 'impegnata' ORDER BY id`,
          [a.graduatorie.anziani],
        ),
      ).toEqual([
        {
          istanza_id: primo.id,
          evento: 'rinuncia',
          impegno_id: impegnoPrimo.id,
          importo_centesimi: String(TOTALE),
          determina_numero: '250/2025',
          motivazione: 'Rinuncia scritta del beneficiario del 2 maggio',
          registrato_da: 'udp.due',
        },
        {
          istanza_id: terzo.id,
          evento: 'scorrimento',
          impegno_id: nuovo.id,
          importo_centesimi: String(TOTALE),
          determina_numero: '250/2025',
          motivazione: `Scorrimento dopo rinuncia dell’istanza ${primo.id}`,
          registrato_da: 'udp.due',
        },
      ]);
      expect((await eventi('misure.beneficio.concesso')).map((e) => e.payload)).toContainEqual(
        expect.objectContaining({ istanzaId: terzo.id, impegnoId: nuovo.id, causa: 'scorrimento' }),
      );
      // a ceased beneficio is not ceased twice
      expect(await rifiuto(cessa(primo.id, 'revoca'))).toBe('BENEFICIO_NON_ATTIVO');
      expect(await rifiuto(cessa(a.istanze[3].id))).toBe('BENEFICIO_NON_ATTIVO');
    });
  });
});
