import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { BUDGET_RPC, MISURE_RPC } from '@ambito/contracts';
import { eventually, rifiuto, testActor } from '@ambito/testing';
// The real budget service, in-process: the grant path commits impegni there before the cumulation.
// eslint-disable-next-line @nx/enforce-module-boundaries
import {
  ATTORI as ATTORI_BUDGET,
  assegnazione,
  startTestBudget,
  type TestBudget,
} from '../../../budget/test/budget-harness';
import { creaAvviso, creaIstanza } from '../../test/graduatorie-fixture';
import { ATTORI, startTestMisure, type TestMisure } from '../../test/misure-harness';
import { CumuloAssistente } from './cumulo.service';

const {
  registraContrattoAssistente,
  registraContributoAssistente,
  verificaCumulo,
  formaGraduatorie,
  approvaGraduatoria,
  leggiGraduatoria,
} = MISURE_RPC;

/**
 * Issue 10, point 6 (rule 10): B2 + Bonus assistenti familiari + Dopo di Noi for the same assistant's
 * contract never exceed its wage cost: refused when an operator records one too many, reduced at grant
 * (graduatoria approved with impegni in the real budget), checked again before each payment.
 */
describe('cumulation per assistant (NATS → misure → PostgreSQL; grant through the real budget)', () => {
  let budget: TestBudget;
  let svc: TestMisure;
  const udp = () => svc.as(ATTORI.udp);

  beforeAll(async () => {
    budget = await startTestBudget();
    svc = await startTestMisure({ identita: budget.identita });
    await budget.as(ATTORI_BUDGET.udp)(
      BUDGET_RPC.registraAssegnazione,
      assegnazione('FNA-B2', 2024, 100_000_000),
    );
  });
  afterAll(async () => {
    await svc?.close();
    await budget?.close();
  });

  /** A contract of € 1.000 a month with the Bonus (€ 2.400 for 2025) and € 500 a month of Dopo di Noi. */
  async function contrattoConAltri(): Promise<string> {
    const riferimento = `af:contratto:${randomUUID()}`;
    await udp()(registraContrattoAssistente, {
      riferimento,
      assistenteRiferimento: `af:assistente:${randomUUID()}`,
      personaId: randomUUID(),
      costoMensileCentesimi: 100_000,
      dal: '2025-01-01',
      al: null,
    });
    const bonus = await udp()(registraContributoAssistente, {
      contrattoRiferimento: riferimento,
      misura: 'bonus-assistenti-familiari',
      riferimento: `bonus:${randomUUID()}`,
      importoCentesimi: 240_000,
      modalita: 'totale',
      dal: '2025-01-01',
      al: '2025-12-31',
    });
    expect(bonus).toMatchObject({ esito: 'entro-costo', ammessoCentesimi: 20_000 });
    await udp()(registraContributoAssistente, {
      contrattoRiferimento: riferimento,
      misura: 'dopo-di-noi',
      riferimento: `ddn:${randomUUID()}`,
      importoCentesimi: 50_000,
      modalita: 'mensile',
      dal: '2025-01-01',
      al: '2026-12-31',
    });
    return riferimento;
  }

  it('refuses a contribution that would exceed the wage cost, writing nothing, and explains the room', async () => {
    const contratto = await contrattoConAltri();
    expect(
      await rifiuto(
        udp()(registraContributoAssistente, {
          contrattoRiferimento: contratto,
          misura: 'b2',
          riferimento: 'b2:manuale',
          importoCentesimi: 40_000,
          modalita: 'mensile',
          dal: '2025-04-01',
          al: '2025-06-30',
        }),
      ),
    ).toBe('CUMULO_OLTRE_COSTO');
    expect(
      await svc.sql(
        `SELECT 1 FROM contributo_assistente WHERE contratto_riferimento = $1 AND misura = 'b2'`,
        [contratto],
      ),
    ).toHaveLength(0);
    const v = await udp()(verificaCumulo, {
      contrattoRiferimento: contratto,
      mese: '2025-05',
      misura: 'b2',
      riferimento: 'b2:manuale',
      richiestoCentesimi: 40_000,
    });
    expect(v).toMatchObject({
      esito: 'ridotto',
      costoMensileCentesimi: 100_000,
      altriCentesimi: 70_000,
      ammessoCentesimi: 30_000,
    });
    expect(v.altri.map((a) => [a.misura, a.mensileCentesimi])).toEqual([
      ['bonus-assistenti-familiari', 20_000],
      ['dopo-di-noi', 50_000],
    ]);
    expect(v.motivo).toContain('ridotto a € 300,00');
    // After the Bonus's year only the Dopo di Noi counts.
    const gennaio = await udp()(verificaCumulo, {
      contrattoRiferimento: contratto,
      mese: '2026-01',
      misura: 'b2',
      riferimento: 'b2:manuale',
      richiestoCentesimi: 40_000,
    });
    expect(gennaio).toMatchObject({ esito: 'entro-costo', altriCentesimi: 50_000, ammessoCentesimi: 40_000 });
  });

  it('two concurrent grants for the same contract cannot both take the room only one has', async () => {
    const contratto = await contrattoConAltri(); // € 300 of room
    const esiti = await Promise.allSettled(
      ['a', 'b', 'c'].map((k) =>
        udp()(registraContributoAssistente, {
          contrattoRiferimento: contratto,
          misura: 'b2',
          riferimento: `b2:${k}`,
          importoCentesimi: 25_000,
          modalita: 'mensile',
          dal: '2025-04-01',
          al: '2025-06-30',
        }),
      ),
    );
    expect(esiti.filter((e) => e.status === 'fulfilled')).toHaveLength(1);
    for (const e of esiti.filter((x): x is PromiseRejectedResult => x.status === 'rejected'))
      expect((e.reason as { code: string }).code).toBe('CUMULO_OLTRE_COSTO');
  });

  it('at grant the B2 contribution is recorded within the room, and checked again before each payment', async () => {
    const contratto = await contrattoConAltri();
    const udp = budget.as(ATTORI_BUDGET.udp);
    await udp(BUDGET_RPC.registraLinea, {
      codice: 'B2-CUMULO',
      denominazione: 'Buoni B2 assistenti',
      esercizio: 2025,
      categoria: 'misure-b2',
      preventivoCentesimi: 10_000_000,
    });
    await udp(BUDGET_RPC.assegnaDotazione, {
      fondo: 'FNA-B2',
      anno: 2024,
      linea: 'B2-CUMULO',
      importoCentesimi: 10_000_000,
    });
    await udp(BUDGET_RPC.registraAbilitazione, {
      servizio: 'misure',
      linea: 'B2-CUMULO',
      operazioni: ['impegno', 'riduzione'],
      validoDal: '2025-01-01',
      atto: { tipo: 'determina', numero: '12/2025', data: '2024-12-30' },
    });
    const avviso = await creaAvviso(svc, [
      { area: 'anziani', linea: 'B2-CUMULO', fondo: 'FNA-B2', annoFondo: 2024, budgetCentesimi: 2_000_000 },
    ]);
    const conContratto = await creaIstanza(svc, avviso, {
      protocollo: 1,
      esito: 'ammissibile',
      mensileCentesimi: 40_000,
    });
    const senza = await creaIstanza(svc, avviso, {
      protocollo: 2,
      esito: 'ammissibile',
      mensileCentesimi: 40_000,
    });
    await svc.sql(
      `UPDATE istanza SET dati = jsonb_set(dati, '{contrattoAssistente}', $2::jsonb) WHERE id = $1`,
      [
        conContratto.id,
        JSON.stringify({
          oreSettimanali: 30,
          dataInizio: '2025-01-01',
          costoMensileCentesimi: 100_000,
          altriContributiMensiliCentesimi: 0,
          contrattoRiferimento: contratto,
        }),
      ],
    );
    await svc.as(ATTORI.udp)(formaGraduatorie, { avvisoId: avviso.avvisoId });
    await svc.as(testActor('udp.due', ['ufficio-di-piano']))(approvaGraduatoria, {
      avvisoId: avviso.avvisoId,
      graduatoriaId: avviso.graduatorie.anziani,
      determina: { numero: '300/2025', data: '2025-04-20' },
    });
    // On a loaded machine the approval may answer «in-approvazione» and finish after the reply.
    await eventually(
      async () =>
        expect(
          (
            await svc.as(ATTORI.udp)(leggiGraduatoria, {
              avvisoId: avviso.avvisoId,
              graduatoriaId: avviso.graduatorie.anziani,
            })
          ).stato,
        ).toBe('approvata'),
      { timeoutMs: 30_000, intervalMs: 200 },
    );
    const contributi = await svc.sql<{
      riferimento: string;
      mensile_centesimi: string;
      dal: string;
      al: string;
    }>(
      `SELECT riferimento, mensile_centesimi, dal::text AS dal, al::text AS al FROM contributo_assistente
        WHERE contratto_riferimento = $1 AND misura = 'b2'`,
      [contratto],
    );
    // The avviso's 12 months from April; € 400 granted, € 300 within the contract's cost.
    expect(contributi).toEqual([
      {
        riferimento: `istanza:${conContratto.id}`,
        mensile_centesimi: '30000',
        dal: '2025-04-01',
        al: '2026-03-31',
      },
    ]);
    expect(
      await svc.sql(`SELECT 1 FROM contributo_assistente WHERE riferimento = $1`, [`istanza:${senza.id}`]),
    ).toHaveLength(0);

    // Before each payment (the monthly run): judged again with the contract and contributions of then.
    const cumulo = svc.app.get(CumuloAssistente);
    const ds = svc.app.get<DataSource>(getDataSourceToken());
    const maggio = await ds.transaction((m) =>
      cumulo.verificaPagamento(m, {
        misura: 'b2',
        riferimento: `istanza:${conContratto.id}`,
        mese: '2025-05-01',
        richiestoCentesimi: 40_000,
      }),
    );
    expect(maggio).toMatchObject({ esito: 'ridotto', ammessoCentesimi: 30_000 });
    // The contract's wage cost corrected down to € 600 (payslips): nothing left for the B2.
    await svc.sql(`UPDATE contratto_assistente SET costo_mensile_centesimi = 60000 WHERE riferimento = $1`, [
      contratto,
    ]);
    const dopo = await ds.transaction((m) =>
      cumulo.verificaPagamento(m, {
        misura: 'b2',
        riferimento: `istanza:${conContratto.id}`,
        mese: '2025-05-01',
        richiestoCentesimi: 40_000,
      }),
    );
    expect(dopo).toMatchObject({ esito: 'nessuno-spazio', ammessoCentesimi: 0 });
    // A beneficio without a contract: the rule does not apply.
    expect(
      await ds.transaction((m) =>
        cumulo.verificaPagamento(m, {
          misura: 'b2',
          riferimento: `istanza:${senza.id}`,
          mese: '2025-05-01',
          richiestoCentesimi: 40_000,
        }),
      ),
    ).toBeNull();
  });

  it('an unknown contract is refused with its code', async () => {
    expect(
      await rifiuto(
        udp()(verificaCumulo, {
          contrattoRiferimento: 'af:contratto:sconosciuto',
          mese: '2025-05',
          misura: 'b2',
          riferimento: 'x',
          richiestoCentesimi: 1,
        }),
      ),
    ).toBe('CONTRATTO_ASSISTENTE_NON_TROVATO');
  });
});
