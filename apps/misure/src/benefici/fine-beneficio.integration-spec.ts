import { BUDGET_RPC, MISURE_RPC } from '@ambito/contracts';
import { eventually, rifiuto, testActor } from '@ambito/testing';
// The real budget service, in-process: the impegni are made, reduced and read there.
// eslint-disable-next-line @nx/enforce-module-boundaries
import {
  ATTORI as ATTORI_BUDGET,
  assegnazione,
  startTestBudget,
  type TestBudget,
} from '../../../budget/test/budget-harness';
import { parametriB2Erogazione } from '../../test/benefici-fixture';
import { creaAvviso, creaIstanza } from '../../test/graduatorie-fixture';
import { ATTORI, startTestMisure, type TestMisure } from '../../test/misure-harness';
import { ImpegniBudget } from '../graduatorie/impegni-budget';
import { FineBeneficio } from './fine-beneficio.service';

const {
  formaGraduatorie,
  approvaGraduatoria,
  leggiGraduatoria,
  eseguiErogazioni,
  leggiErogazioneRun,
  terminaBeneficio,
} = MISURE_RPC;

/*
 * Issue 10: a revoca (or cessazione) of a beneficio gives back to the budget what will no longer be
 * paid — its impegno less the months computed and those still due before the end — once, and the
 * graduatoria's scorrimento finances the next idonea with the money freed. Through NATS (misure's own
 * beneficio events, budget's RPC with misure's identity) and PostgreSQL, with the real budget.
 */
describe('misure › the end of a beneficio reduces its impegno and scrolls the graduatoria (real budget)', () => {
  let budget: TestBudget;
  let svc: TestMisure;
  const udp = () => svc.as(ATTORI.udp);

  beforeAll(async () => {
    budget = await startTestBudget();
    svc = await startTestMisure({ identita: budget.identita });
    const b = budget.as(ATTORI_BUDGET.udp);
    await b(BUDGET_RPC.registraAssegnazione, assegnazione('FNA-B2', 2024, 100_000_000));
    await b(BUDGET_RPC.registraLinea, {
      codice: 'B2-FINE',
      denominazione: 'Buoni B2 con scorrimento',
      esercizio: 2025,
      categoria: 'misure-b2',
      preventivoCentesimi: 10_000_000,
    });
    await b(BUDGET_RPC.assegnaDotazione, {
      fondo: 'FNA-B2',
      anno: 2024,
      linea: 'B2-FINE',
      importoCentesimi: 10_000_000,
    });
    await b(BUDGET_RPC.registraAbilitazione, {
      servizio: 'misure',
      linea: 'B2-FINE',
      operazioni: ['impegno', 'riduzione'],
      validoDal: '2025-01-01',
      atto: { tipo: 'determina', numero: '13/2025', data: '2024-12-30' },
    });
  }, 120_000);
  afterAll(async () => {
    await svc?.close();
    await budget?.close();
  });

  const impegno = async (id: string) => {
    const [r] = await budget.sql<{ importo_centesimi: string }>(
      `SELECT importo_centesimi FROM impegno WHERE id = $1`,
      [id],
    );
    return Number(r.importo_centesimi);
  };
  const riduzioni = (id: string) =>
    budget.sql<{ importo_centesimi: string; causale: string; registrato_da: string }>(
      `SELECT importo_centesimi, causale, registrato_da FROM movimento WHERE tipo = 'riduzione' AND impegno_id = $1`,
      [id],
    );

  it('a revoca gives back the months no longer due, once, and finances the next idonea', async () => {
    // € 400 a month for 12 months (€ 4.800 each); € 9.000 finance one, the second waits.
    const avviso = await creaAvviso(
      svc,
      [{ area: 'anziani', linea: 'B2-FINE', fondo: 'FNA-B2', annoFondo: 2024, budgetCentesimi: 900_000 }],
      { parametri: parametriB2Erogazione(), decorrenza: '2025-04-01', mesi: 12 },
    );
    const primo = await creaIstanza(svc, avviso, { protocollo: 1, esito: 'ammissibile' });
    const secondo = await creaIstanza(svc, avviso, { protocollo: 2, esito: 'ammissibile' });
    await udp()(formaGraduatorie, { avvisoId: avviso.avvisoId });
    await svc.as(testActor('udp.due', ['ufficio-di-piano']))(approvaGraduatoria, {
      avvisoId: avviso.avvisoId,
      graduatoriaId: avviso.graduatorie.anziani,
      determina: { numero: '301/2025', data: '2025-04-20' },
    });
    await eventually(
      async () =>
        expect(
          (
            await udp()(leggiGraduatoria, {
              avvisoId: avviso.avvisoId,
              graduatoriaId: avviso.graduatorie.anziani,
            })
          ).stato,
        ).toBe('approvata'),
      { timeoutMs: 30_000, intervalMs: 200 },
    );
    const voci = () =>
      svc.sql<{
        istanza_id: string;
        stato: string;
        impegno_id: string | null;
        importo_speso_centesimi: string | null;
      }>(
        `SELECT istanza_id, stato, impegno_id, importo_speso_centesimi FROM graduatoria_voce
          WHERE graduatoria_id = $1 ORDER BY posizione`,
        [avviso.graduatorie.anziani],
      );
    expect((await voci()).map((v) => v.stato)).toEqual(['finanziata', 'idonea-non-finanziata']);
    const beneficio = await eventually(async () => {
      const [b] = await svc.sql<{ id: string; impegno_id: string }>(
        `SELECT id, impegno_id FROM beneficio WHERE istanza_id = $1`,
        [primo.id],
      );
      expect(b).toBeDefined();
      return b;
    });
    expect(await impegno(beneficio.impegno_id)).toBe(480_000);

    // April computed by the monthly run; May not yet; revoked from 1 June.
    const run = await udp()(eseguiErogazioni, { mese: '2025-04' });
    await eventually(async () =>
      expect((await udp()(leggiErogazioneRun, { id: run.id })).stato).toBe('completata'),
    );
    await udp()(terminaBeneficio, {
      beneficioId: beneficio.id,
      causa: 'revoca',
      dal: '2025-06-01',
      motivazione: 'Perdita dei requisiti accertata',
    });

    // April (computed) and May (still due) stay committed: € 800; € 4.000 go back to the line, once.
    await eventually(async () => expect(await impegno(beneficio.impegno_id)).toBe(80_000), {
      timeoutMs: 20_000,
    });
    expect(await riduzioni(beneficio.impegno_id)).toEqual([
      { importo_centesimi: '400000', causale: 'revoca', registrato_da: 'servizio:misure' },
    ]);
    // The scorrimento: the revoked entry keeps what it spent, the next idonea is financed with its impegno.
    const [revocata, scorsa] = await eventually(async () => {
      const v = await voci();
      expect(v.map((x) => x.stato)).toEqual(['revoca', 'finanziata']);
      return v;
    });
    expect(revocata.importo_speso_centesimi).toBe('80000');
    expect(scorsa.istanza_id).toBe(secondo.id);
    expect(await impegno(scorsa.impegno_id!)).toBe(480_000);
    const [storia] = await svc.sql<{ evento: string; determina_numero: string; registrato_da: string }>(
      `SELECT evento, determina_numero, registrato_da FROM graduatoria_voce_storia
        WHERE istanza_id = $1 AND evento = 'scorrimento'`,
      [secondo.id],
    );
    expect(storia).toEqual({
      evento: 'scorrimento',
      determina_numero: '301/2025',
      registrato_da: 'servizio-misure',
    });
    // The beneficio of the next idonea follows from its concessione.
    await eventually(async () =>
      expect(await svc.sql(`SELECT 1 FROM beneficio WHERE istanza_id = $1`, [secondo.id])).toHaveLength(1),
    );
    // Handled once: the same event handled again (a redelivery) reduces nothing more.
    const [evento] = await svc.sql<{ envelope: Parameters<FineBeneficio['terminato']>[1] }>(
      `SELECT envelope FROM outbox_message WHERE type = 'misure.beneficio.revocato' AND envelope->'payload'->>'beneficioId' = $1`,
      [beneficio.id],
    );
    const fine = svc.app.get(FineBeneficio);
    await Promise.all([
      fine.terminato('prova-ripetuta', evento.envelope),
      fine.terminato('prova-ripetuta-2', evento.envelope),
    ]);
    expect(await riduzioni(beneficio.impegno_id)).toHaveLength(1);
    expect(await impegno(beneficio.impegno_id)).toBe(80_000);
  });

  it('concurrent riduzioni with one key reduce once; beyond the residuo they are refused', async () => {
    const impegni = await budget.sql<{ id: string }>(
      `SELECT id FROM impegno WHERE importo_centesimi = 480000 ORDER BY registrato_il DESC LIMIT 1`,
    );
    const id = impegni[0].id;
    const riduttore = svc.app.get(ImpegniBudget);
    const chiave = `misure:beneficio:prova:fine`;
    const esiti = await Promise.all(
      Array.from({ length: 4 }, () =>
        riduttore.riduci(id, 'revoca', 'Prova di riduzione concorrente', {
          importoCentesimi: 100_000,
          chiave,
        }),
      ),
    );
    expect(esiti.map((e) => e?.importoCentesimi)).toEqual([380_000, 380_000, 380_000, 380_000]);
    expect(await riduzioni(id)).toHaveLength(1);
    expect(await impegno(id)).toBe(380_000);
    // Another key, more than what is left: refused by budget, nothing written.
    await expect(
      riduttore.riduci(id, 'revoca', 'Oltre il residuo', {
        importoCentesimi: 500_000,
        chiave: 'misure:beneficio:altra:fine',
      }),
    ).resolves.toBeNull();
    expect(await impegno(id)).toBe(380_000);
    expect(
      await rifiuto(
        budget.as(ATTORI_BUDGET.udp)(BUDGET_RPC.riduciImpegno, {
          id,
          causale: 'revoca',
          importoCentesimi: 500_000,
        }),
      ),
    ).toBe('RIDUZIONE_OLTRE_RESIDUO');
  });
});
