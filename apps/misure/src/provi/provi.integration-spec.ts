import { randomUUID } from 'node:crypto';
import { MISURE_RPC, type SpesaProViV1 } from '@ambito/contracts';
import { rifiuto, testActor } from '@ambito/testing';
// The real budget service, in-process: misure charges each rendiconto's reimbursement there.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startTestBudget, type TestBudget } from '../../../budget/test/budget-harness';
import { ATTORI, startTestMisure, type TestMisure } from '../../test/misure-harness';
import { DETERMINA_PRO_VI, lineaProVi } from '../../test/provi-budget-fixture';

const { registraProgettoProVi, registraRendicontoProVi, leggiProgettoProVi } = MISURE_RPC;

const cedolino = (importoCentesimi: number, s: Partial<SpesaProViV1> = {}): SpesaProViV1 => ({
  macroarea: 'assistente-personale',
  tipoSpesa: 'retribuzione-assistente',
  documento: 'cedolino',
  riferimento: `CED-${randomUUID().slice(0, 8)}`,
  data: '2025-05-31',
  ore: null,
  costoOrarioCentesimi: null,
  importoCentesimi,
  ...s,
});

/**
 * Issue 10, point 4: Pro.Vi. a consuntivo through NATS and PostgreSQL with the default 2025 rule set
 * (€ 20.000 per beneficiary, exclusions of §3, 20 % co-financing of the ambito).
 */
describe('Pro.Vi. a consuntivo (NATS → misure → PostgreSQL)', () => {
  let budget: TestBudget;
  let svc: TestMisure;
  let linea: string;
  const udp = () => svc.as(ATTORI.udp);

  beforeAll(async () => {
    budget = await startTestBudget();
    svc = await startTestMisure({ identita: budget.identita });
    linea = await lineaProVi(budget, { fondoCentesimi: 80_000_000, ambitoCentesimi: 20_000_000 });
  });
  afterAll(async () => {
    await svc?.close();
    await budget?.close();
  });

  const progetto = (concessoCentesimi: number | null = null, personaId: string = randomUUID()) =>
    udp()(registraProgettoProVi, {
      personaId,
      istanzaId: null,
      annualita: 2025,
      giorno: '2025-04-01',
      macroaree: ['assistente-personale', 'abitare-in-autonomia'],
      concessoCentesimi,
    });

  it('judges each document, reimburses the admitted within the cap and splits 80/20', async () => {
    const p = await progetto();
    expect(p).toMatchObject({
      massimaleCentesimi: 2_000_000,
      rimborsatoCentesimi: 0,
      residuoCentesimi: 2_000_000,
    });
    const dopo = await udp()(registraRendicontoProVi, {
      linea,
      determina: DETERMINA_PRO_VI,
      progettoId: p.id,
      periodoDal: '2025-05-01',
      periodoAl: '2025-05-31',
      spese: [
        cedolino(120_000),
        cedolino(0, {
          tipoSpesa: 'ore-ente',
          documento: 'fattura',
          ore: 40,
          costoOrarioCentesimi: 2_000,
          importoCentesimi: null,
        }),
        cedolino(15_000, { tipoSpesa: 'tenuta-paghe', documento: 'fattura' }),
        cedolino(9_000, { macroarea: 'trasporto', tipoSpesa: 'trasporto', documento: 'ricevuta' }),
      ],
    });
    expect(dopo.rendiconti).toHaveLength(1);
    const r = dopo.rendiconti[0];
    expect(r.spese.map((s) => [s.esito, s.ammessoCentesimi])).toEqual([
      ['ammessa', 120_000],
      ['ammessa', 80_000],
      ['esclusa', 0],
      ['esclusa', 0],
    ]);
    expect(r.spese[2].motivo).toContain('tenuta delle paghe');
    expect(r).toMatchObject({
      documentatoCentesimi: 224_000,
      ammessoCentesimi: 200_000,
      rimborsoCentesimi: 200_000,
      quotaAmbitoCentesimi: 40_000,
      quotaFondoCentesimi: 160_000,
    });
    expect(dopo.cofinanziamento).toEqual({
      percentualeMinima: 20,
      quotaAmbitoCentesimi: 40_000,
      quotaFondoCentesimi: 160_000,
      percentualeEffettiva: 20,
      rispettato: true,
    });
    expect(dopo.residuoCentesimi).toBe(1_800_000);
    // Stored with the inputs and the rule set that judged them.
    const [riga] = await svc.sql<{ spese: unknown[]; regole_id: string }>(
      `SELECT spese, regole_id FROM rendiconto_pro_vi WHERE progetto_id = $1`,
      [p.id],
    );
    expect(riga.spese).toHaveLength(4);
    expect(riga.regole_id).toBe(p.regoleId);
  });

  it('stops at the granted amount across statements, and the database refuses a total beyond the cap', async () => {
    const p = await progetto(500_000);
    expect(p.massimaleCentesimi).toBe(500_000);
    await udp()(registraRendicontoProVi, {
      linea,
      determina: DETERMINA_PRO_VI,
      progettoId: p.id,
      periodoDal: '2025-05-01',
      periodoAl: '2025-05-31',
      spese: [cedolino(400_000)],
    });
    const secondo = await udp()(registraRendicontoProVi, {
      linea,
      determina: DETERMINA_PRO_VI,
      progettoId: p.id,
      periodoDal: '2025-06-01',
      periodoAl: '2025-06-30',
      spese: [cedolino(300_000)],
    });
    expect(secondo.rendiconti.map((r) => r.rimborsoCentesimi)).toEqual([400_000, 100_000]);
    expect(secondo.rendiconti[1].motivo).toContain('il massimale di € 5.000,00 lascia € 1.000,00');
    expect(secondo).toMatchObject({ rimborsatoCentesimi: 500_000, residuoCentesimi: 0 });
    await expect(
      svc.sql(
        `UPDATE progetto_pro_vi SET rimborsato_centesimi = rimborsato_centesimi + 1,
                 quota_fondo_centesimi = quota_fondo_centesimi + 1 WHERE id = $1`,
        [p.id],
      ),
    ).rejects.toThrow(/ck_pro_vi_massimale/);
  });

  it('concurrent statements on one project never reimburse beyond the cap together', async () => {
    const p = await progetto(1_000_000);
    const esiti = await Promise.allSettled(
      [0, 1, 2, 3].map(() =>
        udp()(registraRendicontoProVi, {
          linea,
          determina: DETERMINA_PRO_VI,
          progettoId: p.id,
          periodoDal: '2025-07-01',
          periodoAl: '2025-07-31',
          spese: [cedolino(400_000)],
        }),
      ),
    );
    expect(esiti.every((e) => e.status === 'fulfilled')).toBe(true);
    const letto = await udp()(leggiProgettoProVi, { id: p.id });
    expect(letto.rendiconti.map((r) => r.numero)).toEqual([1, 2, 3, 4]);
    expect(letto.rendiconti.map((r) => r.rimborsoCentesimi).sort()).toEqual(
      [0, 200_000, 400_000, 400_000].sort(),
    );
    expect(letto.rimborsatoCentesimi).toBe(1_000_000);
  });

  it('refuses bad input with stable codes and writes nothing', async () => {
    const p = await progetto();
    expect(
      await rifiuto(
        udp()(registraRendicontoProVi, {
          linea,
          determina: DETERMINA_PRO_VI,
          progettoId: p.id,
          periodoDal: '2025-05-01',
          periodoAl: '2025-05-31',
          spese: [cedolino(21_000, { ore: 10, costoOrarioCentesimi: 2_000 })],
        }),
      ),
    ).toBe('VALIDAZIONE_FALLITA');
    expect(
      await rifiuto(
        udp()(registraRendicontoProVi, {
          linea,
          determina: DETERMINA_PRO_VI,
          progettoId: p.id,
          periodoDal: '2025-05-31',
          periodoAl: '2025-05-01',
          spese: [cedolino(1_000)],
        }),
      ),
    ).toBe('DATA_NON_VALIDA');
    expect(
      await rifiuto(
        udp()(registraRendicontoProVi, {
          linea,
          determina: DETERMINA_PRO_VI,
          progettoId: randomUUID(),
          periodoDal: '2025-05-01',
          periodoAl: '2025-05-31',
          spese: [cedolino(1_000)],
        }),
      ),
    ).toBe('PROGETTO_PRO_VI_NON_TROVATO');
    expect(await svc.sql(`SELECT 1 FROM rendiconto_pro_vi WHERE progetto_id = $1`, [p.id])).toHaveLength(0);
    // One project per person and year; at least the rule set's two macroaree.
    expect(await rifiuto(progetto(null, p.personaId))).toBe('PROGETTO_PRO_VI_GIA_REGISTRATO');
    expect(
      await rifiuto(
        udp()(registraProgettoProVi, {
          personaId: randomUUID(),
          istanzaId: null,
          annualita: 2025,
          giorno: '2025-04-01',
          macroaree: ['trasporto'],
          concessoCentesimi: null,
        }),
      ),
    ).toBe('VALIDAZIONE_FALLITA');
    // Only the Ufficio di Piano keeps the accounts.
    expect(
      await rifiuto(
        svc.as(testActor('as.crema', ['assistente-sociale'], ['SA-CREMA']))(leggiProgettoProVi, { id: p.id }),
      ),
    ).toBe('OPERAZIONE_NON_CONSENTITA');
  });

  it('audits every read of a project with its person', async () => {
    const p = await progetto();
    await udp()(leggiProgettoProVi, { id: p.id });
    const righe = await svc.sql<{ azione: string; soggetto_id: string; esito: string }>(
      `SELECT azione, soggetto_id, esito FROM voce_audit WHERE risorsa = 'progetto-pro-vi' AND risorsa_id = $1 ORDER BY il`,
      [p.id],
    );
    expect(righe.map((r) => [r.azione, r.soggetto_id, r.esito])).toEqual([
      ['registra', p.personaId, 'consentito'],
      ['leggi', p.personaId, 'consentito'],
    ]);
  });
});
