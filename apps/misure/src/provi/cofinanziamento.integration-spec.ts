import { randomUUID } from 'node:crypto';
import {
  BUDGET_RPC,
  MISURE_CHIAMATE,
  MISURE_RPC,
  type LiquidazioniMeseV1,
  type ProgettoProViV1,
  type SpesaProViV1,
} from '@ambito/contracts';
import { eventually, rifiuto } from '@ambito/testing';
// The real budget service, in-process: misure charges the rendiconti and liquidates the months there.
// eslint-disable-next-line @nx/enforce-module-boundaries
import {
  ATTORI as ATTORI_BUDGET,
  assegnazione,
  startTestBudget,
  type TestBudget,
} from '../../../budget/test/budget-harness';
import { creaAvviso, type AvvisoDiTest } from '../../test/graduatorie-fixture';
import { creaBeneficio, creaMese, type BeneficioDiTest } from '../../test/liquidazioni-fixture';
import { ATTORI, startTestMisure, type TestMisure } from '../../test/misure-harness';
import { DETERMINA_PRO_VI, lineaProVi } from '../../test/provi-budget-fixture';
import { chiaveRendiconto } from './provi-budget';

const {
  registraProgettoProVi,
  registraRendicontoProVi,
  leggiProgettoProVi,
  liquidaMese,
  leggiLiquidazioniMese,
} = MISURE_RPC;

const cedolino = (importoCentesimi: number): SpesaProViV1 => ({
  macroarea: 'assistente-personale',
  tipoSpesa: 'retribuzione-assistente',
  documento: 'cedolino',
  riferimento: `CED-${randomUUID().slice(0, 8)}`,
  data: '2025-05-31',
  ore: null,
  costoOrarioCentesimi: null,
  importoCentesimi,
});

/**
 * Issue 10, point 4: the ambito's 80/20 co-financing of a Pro.Vi. project tracked in the real budget
 * service: each rendiconto's reimbursement committed and liquidated there with the misure service's own
 * identity, the fund's quota on FNA-PROVI and the ambito's on COFIN-AMBITO (the fund rule's pair and
 * act), one key per rendiconto, all or nothing; and a monthly run at the same moment as rendiconti.
 */
describe('Pro.Vi. cofinanziamento in the budget (NATS → misure → budget → PostgreSQL)', () => {
  let budget: TestBudget;
  let svc: TestMisure;
  let linea: string;
  const udp = () => svc.as(ATTORI.udp);
  const budgetUdp = () => budget.as(ATTORI_BUDGET.udp);

  beforeAll(async () => {
    budget = await startTestBudget();
    svc = await startTestMisure({ identita: budget.identita, env: { LIQUIDAZIONI_PER_LOTTO: '2' } });
    linea = await lineaProVi(budget, { fondoCentesimi: 80_000_000, ambitoCentesimi: 20_000_000 });
  });
  afterAll(async () => {
    await svc?.close();
    await budget?.close();
  });

  const progetto = () =>
    udp()(registraProgettoProVi, {
      personaId: randomUUID(),
      istanzaId: null,
      annualita: 2025,
      giorno: '2025-04-01',
      macroaree: ['assistente-personale', 'abitare-in-autonomia'],
      concessoCentesimi: null,
    });
  const rendiconto = (progettoId: string, importo: number, sullaLinea = linea) =>
    udp()(registraRendicontoProVi, {
      progettoId,
      periodoDal: '2025-05-01',
      periodoAl: '2025-05-31',
      spese: [cedolino(importo)],
      linea: sullaLinea,
      determina: DETERMINA_PRO_VI,
    });
  /** The budget's impegni and liquidazioni of a project's rendiconti, by key. */
  const nelBudget = (progettoId: string) =>
    budget.sql<{ chiave: string; fondo: string; impegnato: string; liquidato: string; determina: string }>(
      `SELECT i.chiave_idempotenza AS chiave, a.fondo, i.importo_iniziale_centesimi::text AS impegnato,
              l.importo_centesimi::text AS liquidato, i.atto_numero AS determina
         FROM impegno i JOIN annualita a ON a.id = i.annualita_id
         LEFT JOIN liquidazione l ON l.impegno_id = i.id
        WHERE i.chiave_idempotenza LIKE $1 ORDER BY i.chiave_idempotenza COLLATE "C"`,
      [`misure:pro-vi:${progettoId}:%`],
    );

  it('commits and liquidates 80 % on FNA-PROVI and 20 % on COFIN-AMBITO, and shows it on the project', async () => {
    const p = await progetto();
    const dopo = await rendiconto(p.id, 200_000);
    const chiave = chiaveRendiconto(p.id, 1);
    expect(dopo.rendiconti[0]).toMatchObject({
      rimborsoCentesimi: 200_000,
      quotaFondoCentesimi: 160_000,
      quotaAmbitoCentesimi: 40_000,
      linea,
      determina: DETERMINA_PRO_VI,
      budget: {
        chiaveIdempotenza: chiave,
        linea,
        quotaFondo: {
          fondo: 'FNA-PROVI',
          anno: 2025,
          importoCentesimi: 160_000,
          impegnoId: expect.any(String),
          liquidazioneId: expect.any(String),
        },
        quotaAmbito: {
          fondo: 'COFIN-AMBITO',
          anno: 2025,
          importoCentesimi: 40_000,
          impegnoId: expect.any(String),
          liquidazioneId: expect.any(String),
        },
        puntiBaseMinimi: 2000,
        atto: expect.stringContaining('cofinanziamento d’Ambito ≥ 20%'),
      },
    });
    // The budget holds exactly that: one impegno and its liquidazione per quota, on the right fund.
    expect(await nelBudget(p.id)).toEqual([
      {
        chiave: `${chiave}:ambito`,
        fondo: 'COFIN-AMBITO',
        impegnato: '40000',
        liquidato: '40000',
        determina: '91/2025',
      },
      {
        chiave: `${chiave}:fondo`,
        fondo: 'FNA-PROVI',
        impegnato: '160000',
        liquidato: '160000',
        determina: '91/2025',
      },
    ]);
    const impegno = await budgetUdp()(BUDGET_RPC.leggiImpegno, {
      id: dopo.rendiconti[0].budget!.quotaAmbito.impegnoId!,
    });
    expect(impegno).toMatchObject({
      linea,
      fondo: 'COFIN-AMBITO',
      creditore: { tipo: 'persona', identificativo: `persona:${p.personaId}` },
      liquidatoCentesimi: 40_000,
    });
    // The project read (the gateway's GET /misure/pro-vi/progetti/{id}) shows the same record.
    const letto = await udp()(leggiProgettoProVi, { id: p.id });
    expect(letto.rendiconti[0].budget).toEqual(dopo.rendiconti[0].budget);
    expect(letto.cofinanziamento).toMatchObject({ quotaAmbitoCentesimi: 40_000, rispettato: true });
  });

  it('refuses with BUDGET_INSUFFICIENTE when the ambito’s money is not there, and writes nothing anywhere', async () => {
    const corta = await lineaProVi(budget, {
      codice: 'PROVI-CORTA',
      fondoCentesimi: 8_000_000,
      ambitoCentesimi: 2_000_000,
    });
    // The ambito's cofinanziamento of the line almost all committed elsewhere: € 100 left, the fund's is whole.
    await budgetUdp()(BUDGET_RPC.richiediImpegno, {
      chiaveIdempotenza: `test:${randomUUID()}`,
      linea: corta,
      fondo: 'COFIN-AMBITO',
      importoCentesimi: 1_990_000,
      descrizione: 'Altri progetti Pro.Vi.',
      determina: { numero: '5/2025', data: '2025-05-01' },
      creditore: { tipo: 'ente', identificativo: '01234567890', denominazione: 'Cooperativa di prova' },
    });
    const p = await progetto();
    expect(await rifiuto(rendiconto(p.id, 200_000, corta))).toBe('BUDGET_INSUFFICIENTE');
    // Neither quota in the budget (the fund's had the money), no rendiconto, no totals moved.
    expect(await nelBudget(p.id)).toEqual([]);
    expect(await svc.sql(`SELECT 1 FROM rendiconto_pro_vi WHERE progetto_id = $1`, [p.id])).toHaveLength(0);
    expect(await udp()(leggiProgettoProVi, { id: p.id })).toMatchObject({
      rimborsatoCentesimi: 0,
      rendiconti: [],
      cofinanziamento: { quotaAmbitoCentesimi: 0, quotaFondoCentesimi: 0 },
    });
    // A line where the Ufficio di Piano has not granted misure: refused the same way, nothing written.
    const chiusa = await lineaProVi(budget, { codice: 'PROVI-CHIUSA', abilitata: false });
    expect(await rifiuto(rendiconto(p.id, 200_000, chiusa))).toBe('SERVIZIO_NON_ABILITATO');
    expect(await nelBudget(p.id)).toEqual([]);
    expect(await svc.sql(`SELECT 1 FROM rendiconto_pro_vi WHERE progetto_id = $1`, [p.id])).toHaveLength(0);
    // With the money there, the same statement goes through as rendiconto 1.
    expect((await rendiconto(p.id, 200_000)).rendiconti.map((r) => r.numero)).toEqual([1]);
  });

  it('a rendiconto the budget already registered (a lost reply, a crash) is charged once; its key never serves another', async () => {
    const p = await progetto();
    const chiave = chiaveRendiconto(p.id, 1);
    const richiesta = {
      chiaveIdempotenza: chiave,
      linea,
      quotaFondoCentesimi: 80_000,
      quotaAmbitoCentesimi: 20_000,
      descrizione: `Pro.Vi. 2025: rimborso del rendiconto 1 (2025-05-01 – 2025-05-31)`,
      riferimento: `misure:pro-vi:${p.id}:1`,
      determina: DETERMINA_PRO_VI,
      creditore: { tipo: 'persona' as const, identificativo: `persona:${p.personaId}` },
    };
    // What misure sent before it crashed, its reply lost.
    const prima = await budget.misure.chiama(MISURE_CHIAMATE.cofinanziamento, richiesta, { motivo: 'prova' });
    const dopo = await rendiconto(p.id, 100_000);
    expect(dopo.rendiconti[0].budget).toEqual(prima);
    expect(await nelBudget(p.id)).toHaveLength(2);
    expect(
      await rifiuto(
        budget.misure.chiama(
          MISURE_CHIAMATE.cofinanziamento,
          { ...richiesta, quotaFondoCentesimi: 90_000 },
          { motivo: 'prova' },
        ),
      ),
    ).toBe('CHIAVE_IDEMPOTENZA_RIUSATA');
    // Only the misure service sends these: an operator's request through the gateway's NATS user
    // does not even reach budget (no permission on the subject), and nothing more is written.
    expect(await rifiuto(budgetUdp()(BUDGET_RPC.registraQuoteCofinanziate, richiesta))).toBe(
      'SERVIZIO_NON_DISPONIBILE',
    );
    expect(await nelBudget(p.id)).toHaveLength(2);
  });

  describe('a monthly run and rendiconti recorded at the same moment', () => {
    let avviso: AvvisoDiTest;
    let protocollo = 0;

    beforeAll(async () => {
      const b = budgetUdp();
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

    async function liquida(mese: string): Promise<LiquidazioniMeseV1> {
      const esito = await udp()(liquidaMese, { mese });
      if (esito.stato !== 'in-corso') return esito;
      return eventually(async () => {
        const letto = await udp()(leggiLiquidazioniMese, { mese });
        expect(letto.stato).not.toBe('in-corso');
        return letto;
      });
    }

    /** Per line of the budget: the balances the trigger keeps against the sum of their rows. */
    const saldiDelBudget = () =>
      budget.sql<{
        linea: string;
        impegnato: string;
        impegni: string;
        liquidato: string;
        liquidazioni: string;
      }>(
        `SELECT l.codice AS linea,
                (SELECT sum(impegnato_centesimi) FROM saldo_dotazione WHERE linea_id = l.id)::text AS impegnato,
                (SELECT coalesce(sum(importo_centesimi), 0) FROM impegno WHERE linea_id = l.id)::text AS impegni,
                (SELECT sum(liquidato_centesimi) FROM saldo_dotazione WHERE linea_id = l.id)::text AS liquidato,
                (SELECT coalesce(sum(q.importo_centesimi), 0) FROM liquidazione q JOIN impegno i ON i.id = q.impegno_id
                  WHERE i.linea_id = l.id)::text AS liquidazioni
           FROM linea l WHERE l.codice IN ('7.10.1', $1) ORDER BY l.codice`,
        [linea],
      );

    it('leave the same totals in misure and in the budget, each paid once', async () => {
      const benefici: BeneficioDiTest[] = [];
      for (let i = 0; i < 5; i++) benefici.push(await beneficio());
      await creaMese(
        svc,
        avviso.regoleId,
        '2025-06',
        benefici.map((b) => ({ beneficioId: b.id })),
      );
      const progetti = [await progetto(), await progetto(), await progetto()];
      const prima = await budget.sql<{ fondo: string; liquidato: string }>(
        `SELECT a.fondo, sd.liquidato_centesimi::text AS liquidato FROM saldo_dotazione sd
           JOIN annualita a ON a.id = sd.annualita_id JOIN linea l ON l.id = sd.linea_id
          WHERE l.codice = $1 ORDER BY a.fondo`,
        [linea],
      );
      // Concurrent clients: the month twice, and rendiconti on three projects (two on one of them).
      const [mese, ripetuto, ...rendiconti] = await Promise.all([
        liquida('2025-06'),
        liquida('2025-06'),
        rendiconto(progetti[0].id, 100_000),
        rendiconto(progetti[0].id, 50_000),
        rendiconto(progetti[1].id, 123_456),
        rendiconto(progetti[2].id, 77_777),
      ]);
      expect(mese).toMatchObject({ stato: 'completate', liquidate: 5, importoLiquidatoCentesimi: 200_000 });
      expect(ripetuto).toMatchObject({ stato: 'completate', importoLiquidatoCentesimi: 200_000 });
      expect(rendiconti).toHaveLength(4);

      // The month: once in the budget, on the B2 impegni, what misure says it liquidated.
      const [mensile] = await budget.sql<{ n: number; importo: string }>(
        `SELECT count(*)::int AS n, sum(importo_centesimi)::text AS importo FROM liquidazione
          WHERE impegno_id = ANY ($1::uuid[]) AND periodo = '2025-06'`,
        [benefici.map((b) => b.impegnoId)],
      );
      expect(mensile).toEqual({ n: 5, importo: '200000' });

      // The rendiconti: each project's totals in misure equal its budget rows, quota by quota.
      const letti: ProgettoProViV1[] = [];
      for (const p of progetti) letti.push(await udp()(leggiProgettoProVi, { id: p.id }));
      expect(letti[0].rendiconti.map((r) => r.numero)).toEqual([1, 2]);
      for (const p of letti) {
        const righe = await nelBudget(p.id);
        const somma = (quale: string) =>
          righe.filter((r) => r.chiave.endsWith(`:${quale}`)).reduce((t, r) => t + Number(r.liquidato), 0);
        expect(righe).toHaveLength(p.rendiconti.length * 2);
        expect(somma('fondo')).toBe(p.cofinanziamento.quotaFondoCentesimi);
        expect(somma('ambito')).toBe(p.cofinanziamento.quotaAmbitoCentesimi);
        expect(p.cofinanziamento.rispettato).toBe(true);
      }
      const atteso = (fondo: 'quotaFondoCentesimi' | 'quotaAmbitoCentesimi') =>
        letti.reduce((t, p) => t + p.cofinanziamento[fondo], 0);
      expect(atteso('quotaFondoCentesimi') + atteso('quotaAmbitoCentesimi')).toBe(
        100_000 + 50_000 + 123_456 + 77_777,
      );
      // The Pro.Vi. line moved by exactly the rendiconti, per fund.
      const dopo = await budget.sql<{ fondo: string; liquidato: string }>(
        `SELECT a.fondo, sd.liquidato_centesimi::text AS liquidato FROM saldo_dotazione sd
           JOIN annualita a ON a.id = sd.annualita_id JOIN linea l ON l.id = sd.linea_id
          WHERE l.codice = $1 ORDER BY a.fondo`,
        [linea],
      );
      const delta = (fondo: string) =>
        Number(dopo.find((r) => r.fondo === fondo)!.liquidato) -
        Number(prima.find((r) => r.fondo === fondo)!.liquidato);
      expect(delta('FNA-PROVI')).toBe(atteso('quotaFondoCentesimi'));
      expect(delta('COFIN-AMBITO')).toBe(atteso('quotaAmbitoCentesimi'));
      // Every balance of both lines equals the sum of its rows.
      for (const s of await saldiDelBudget()) {
        expect(s.impegnato).toBe(s.impegni);
        expect(s.liquidato).toBe(s.liquidazioni);
      }
    });
  });
});
