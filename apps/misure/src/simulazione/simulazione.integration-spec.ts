import { randomUUID } from 'node:crypto';
import { MISURE_RPC, type IstanzaSimulataV1, type SimulaAvvisoV1 } from '@ambito/contracts';
import { rifiuto } from '@ambito/testing';
import {
  creaAvviso,
  creaIstanza,
  datiIstanza,
  parametriB2,
  type AvvisoDiTest,
} from '../../test/graduatorie-fixture';
import { ATTORI, startTestMisure, type TestMisure } from '../../test/misure-harness';
import { valutaIstanza } from '../istruttoria/valuta-istanza';

const { simulaAvviso, formaGraduatorie, elencaVociGraduatoria } = MISURE_RPC;

const TOTALE = 40_000 * 12;

/** Every table of the schema with a row count: a simulation must leave them all as they were. */
async function conteggi(svc: TestMisure): Promise<Record<string, number>> {
  const tabelle = await svc.sql<{ tablename: string }>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'misure' ORDER BY tablename`,
  );
  const conti: Record<string, number> = {};
  for (const { tablename } of tabelle)
    conti[tablename] = Number(
      (await svc.sql<{ n: string }>(`SELECT count(*) AS n FROM "${tablename}"`))[0].n,
    );
  return conti;
}

/**
 * Issue 9, point 7: the what-if simulation judges istanze with the real rules engine under the
 * avviso's rule set or a variant, ranks and cuts them with the pure path formation's SQL agrees with,
 * and writes nothing.
 */
describe('simulazione of an avviso (NATS → misure; nothing written)', () => {
  let svc: TestMisure;
  let avviso: AvvisoDiTest;
  const simula = (richiesta: Omit<SimulaAvvisoV1, 'avvisoId'>) =>
    svc.as(ATTORI.udp)(simulaAvviso, { avvisoId: avviso.avvisoId, ...richiesta });

  const caso = (
    riferimento: string,
    ordineProtocollo: number,
    iseeCentesimi: number,
    extra: Partial<IstanzaSimulataV1> = {},
  ): IstanzaSimulataV1 => ({
    riferimento,
    strumento: 'buono-caregiver',
    dataPresentazione: '2025-03-10',
    ordineProtocollo,
    dati: datiIstanza({ iseeCentesimi }),
    ...extra,
  });

  beforeAll(async () => {
    svc = await startTestMisure();
    avviso = await creaAvviso(svc, [
      { area: 'anziani', linea: 'B2-SIM', budgetCentesimi: 2 * TOTALE },
      { area: 'minori', linea: 'B2-SIM-MIN', budgetCentesimi: TOTALE },
    ]);
  });
  afterAll(() => svc?.close());

  it('returns every esito with its reasons, the graduatorie with their cut, and the cost, writing nothing', async () => {
    const prima = await conteggi(svc);
    const risultato = await simula({
      istanze: [
        caso('caso-1', 1, 1_800_000),
        caso('caso-2', 2, 600_000),
        caso('caso-3', 3, 600_000),
        // above the threshold of € 25.000
        caso('caso-4', 4, 3_000_000),
        // a minor, under the minori band
        caso('caso-5', 5, 900_000, {
          dati: { ...datiIstanza({ iseeCentesimi: 900_000 }), dataNascita: '2015-06-01' },
        }),
      ],
    });
    expect(await conteggi(svc)).toEqual(prima);
    expect(risultato.regoleId).toBe(avviso.regoleId);
    expect(risultato.esiti.map((e) => [e.riferimento, e.valutazione.esito, e.valutazione.area])).toEqual([
      ['caso-1', 'ammissibile', 'anziani'],
      ['caso-2', 'ammissibile', 'anziani'],
      ['caso-3', 'ammissibile', 'anziani'],
      ['caso-4', 'non-ammissibile', 'anziani'],
      ['caso-5', expect.any(String), 'minori'],
    ]);
    // the refusal with its rule and reason
    const soglia = risultato.esiti[3].valutazione.regole.find((r) => r.esito === 'non-soddisfatta');
    expect(soglia).toEqual({
      codice: expect.stringMatching(/ISEE/),
      esito: 'non-soddisfatta',
      motivo: expect.any(String),
    });
    const anziani = risultato.graduatorie.find((g) => g.area === 'anziani');
    expect(anziani).toEqual({
      area: 'anziani',
      strumento: 'buono-caregiver',
      budgetCentesimi: 2 * TOTALE,
      finanziate: 2,
      idoneeNonFinanziate: 1,
      finanziatoCentesimi: 2 * TOTALE,
      fabbisognoCentesimi: 3 * TOTALE,
      voci: [
        { posizione: 1, riferimento: 'caso-2', esito: 'finanziata', importoCentesimi: TOTALE },
        { posizione: 2, riferimento: 'caso-3', esito: 'finanziata', importoCentesimi: TOTALE },
        { posizione: 3, riferimento: 'caso-1', esito: 'idonea-non-finanziata', importoCentesimi: TOTALE },
      ],
    });
    expect(risultato.costoCentesimi).toBe(
      risultato.graduatorie.reduce((s, g) => s + g.finanziatoCentesimi, 0),
    );
  });

  it('applies a partial variant of the parameters and other budgets', async () => {
    const prima = await conteggi(svc);
    const base = parametriB2();
    const risultato = await simula({
      istanze: [caso('a', 1, 1_800_000), caso('b', 2, 600_000), caso('c', 3, 3_000_000)],
      // a higher threshold (€ 35.000) and a lower monthly amount (€ 200): only what changes is given
      parametri: {
        requisiti: {
          fasce: base.requisiti.fasce.map((f) => ({ ...f, isee: { ...f.isee, sogliaCentesimi: 3_500_000 } })),
        },
        strumenti: base.strumenti.map((s) => ({ ...s, importoCentesimi: 20_000 })),
      },
      budget: [{ area: 'anziani', strumento: 'buono-caregiver', budgetCentesimi: 2 * 20_000 * 12 }],
    });
    expect(await conteggi(svc)).toEqual(prima);
    expect(risultato.esiti.map((e) => e.valutazione.esito)).toEqual([
      'ammissibile',
      'ammissibile',
      'ammissibile',
    ]);
    const anziani = risultato.graduatorie.find((g) => g.area === 'anziani');
    expect(anziani?.voci.map((v) => [v.riferimento, v.esito, v.importoCentesimi])).toEqual([
      ['b', 'finanziata', 240_000],
      ['a', 'finanziata', 240_000],
      ['c', 'idonea-non-finanziata', 240_000],
    ]);
    expect(anziani?.budgetCentesimi).toBe(480_000);
    // a variant that breaks the rule set's document is refused with the field at fault
    expect(
      await rifiuto(
        simula({ istanze: [caso('a', 1, 600_000)], parametri: { isee: { correnteMesiValidita: 0 } } }),
      ),
    ).toBe('VALIDAZIONE_FALLITA');
  });

  it('simulates the avviso’s own istanze, ranked as formation ranks them by SQL', async () => {
    // Istanze stored with the result columns the engine gives their inputs (as the istruttoria does).
    const a = await creaAvviso(svc, [{ area: 'anziani', linea: 'B2-SIM-2', budgetCentesimi: 3 * TOTALE }]);
    const isee = [1_200_000, 400_000, 400_000, 2_000_000, 900_000, 3_000_000, 100_000];
    for (const [k, valore] of isee.entries()) {
      const v = valutaIstanza(
        {
          dati: datiIstanza({ iseeCentesimi: valore }),
          strumento: 'buono-caregiver',
          dataRiferimento: '2025-03-01',
          mesi: 12,
        },
        { id: a.regoleId, parametri: parametriB2() },
      );
      const { id } = await creaIstanza(svc, a, {
        protocollo: k + 1,
        esito: v.esito,
        area: v.area ?? undefined,
        iseeCentesimi: v.chiavi.iseeCentesimi,
        mensileCentesimi: v.importoMensileCentesimi,
        totaleCentesimi: v.importoTotaleCentesimi,
        chiavi: v.chiavi,
      });
      expect(id).toBeDefined();
    }
    const prima = await conteggi(svc);
    const simulata = await svc.as(ATTORI.udp)(simulaAvviso, { avvisoId: a.avvisoId });
    expect(await conteggi(svc)).toEqual(prima);
    expect(simulata.esiti).toHaveLength(isee.length);
    expect(simulata.esiti.every((e) => e.istanzaId !== null)).toBe(true);

    await svc.as(ATTORI.udp)(formaGraduatorie, { avvisoId: a.avvisoId });
    const formata = await svc.as(ATTORI.udp)(elencaVociGraduatoria, {
      avvisoId: a.avvisoId,
      graduatoriaId: a.graduatorie.anziani,
      perPagina: 200,
    });
    const [sim] = simulata.graduatorie;
    expect(sim.voci.map((v) => [v.posizione, v.riferimento, v.esito, v.importoCentesimi])).toEqual(
      formata.elementi.map((v) => [v.posizione, v.protocollo, v.esito, v.importoCentesimi]),
    );
    expect(sim.finanziate).toBe(3);
    expect(sim.idoneeNonFinanziate).toBeGreaterThan(0);
  });

  it('refuses an unknown avviso and a role that may not simulate', async () => {
    expect(await rifiuto(svc.as(ATTORI.udp)(simulaAvviso, { avvisoId: randomUUID() }))).toBe(
      'AVVISO_NON_TROVATO',
    );
    expect(await rifiuto(svc.as(ATTORI.operatore)(simulaAvviso, { avvisoId: avviso.avvisoId }))).toBe(
      'OPERAZIONE_NON_CONSENTITA',
    );
  });
});
