import { BUDGET_RPC, MISURE_RPC } from '@ambito/contracts';
import { rifiuto, testActor } from '@ambito/testing';
// The real budget service, in-process: misure commits the graduatorie's money there.
// eslint-disable-next-line @nx/enforce-module-boundaries
import {
  ATTORI as ATTORI_BUDGET,
  assegnazione,
  startTestBudget,
  type TestBudget,
} from '../../../budget/test/budget-harness';
import { avvisoPubblicato, istanza, persona } from '../../test/istanze-di-prova';
import { ATTORI, startTestMisure, type TestMisure } from '../../test/misure-harness';

const {
  presentaIstanza,
  decidiIstruttoria,
  chiudiAvviso,
  leggiAvviso,
  formaGraduatorie,
  elencaGraduatorie,
  elencaVociGraduatoria,
  approvaGraduatoria,
} = MISURE_RPC;

const UDP2 = testActor('udp.due', ['ufficio-di-piano']);
const DETERMINA = { numero: '300/2026', data: '2026-05-04' };

/**
 * Issue 9, "done when": an avviso goes from published to approved graduatorie with impegni in the
 * budget, through the requests of the istanze lane (avviso, istanze judged by the real engine, an
 * operator's decision, the close) and of this one (formation, approval), against a real budget.
 */
describe('from a published avviso to approved graduatorie with impegni in the budget', () => {
  let budget: TestBudget;
  let svc: TestMisure;

  beforeAll(async () => {
    budget = await startTestBudget();
    svc = await startTestMisure({ identita: budget.identita });
    const udp = budget.as(ATTORI_BUDGET.udp);
    await udp(BUDGET_RPC.registraAssegnazione, assegnazione('FNA-B2', 2024, 100_000_000));
    await udp(BUDGET_RPC.registraLinea, {
      codice: '7.10.1',
      denominazione: 'Misura B2',
      esercizio: 2025,
      categoria: 'misure-b2',
      preventivoCentesimi: 30_000_000,
    });
    await udp(BUDGET_RPC.assegnaDotazione, {
      fondo: 'FNA-B2',
      anno: 2024,
      linea: '7.10.1',
      importoCentesimi: 30_000_000,
    });
    await udp(BUDGET_RPC.registraAbilitazione, {
      servizio: 'misure',
      linea: '7.10.1',
      operazioni: ['impegno', 'riduzione'],
      validoDal: '2025-01-01',
      atto: { tipo: 'determina', numero: '12/2025', data: '2024-12-30' },
    });
  });
  afterAll(async () => {
    await svc?.close();
    await budget?.close();
  });

  it('forms once every istanza is decided, approves each graduatoria with its impegni, and closes the avviso', async () => {
    const avvisoId = await avvisoPubblicato(svc);
    const presenta = (iseeEuro: number, difformita = false) =>
      svc.as(ATTORI.operatore)(
        presentaIstanza,
        istanza(avvisoId, persona(svc), {}, { iseeEuro, difformita }),
      );
    const presentate = [
      await presenta(18_000),
      await presenta(6_000),
      await presenta(40_000),
      await presenta(12_000),
    ];
    const dubbia = await presenta(9_000, true);
    expect(presentate.map((i) => i.esito)).toEqual([
      'ammissibile',
      'ammissibile',
      'non-ammissibile',
      'ammissibile',
    ]);
    expect(dubbia.esito).toBe('da-verificare');

    expect(await rifiuto(svc.as(ATTORI.udp)(formaGraduatorie, { avvisoId }))).toBe('AVVISO_NON_CHIUSO');
    await svc.as(ATTORI.udp)(chiudiAvviso, { id: avvisoId });
    expect(await rifiuto(svc.as(ATTORI.udp)(formaGraduatorie, { avvisoId }))).toBe('ISTANZE_DA_DECIDERE');
    await svc.as(ATTORI.udp)(decidiIstruttoria, {
      istanzaId: dubbia.id,
      esito: 'ammissibile',
      motivazione: 'Difformità chiarita con la rettifica della DSU.',
    });

    const formate = await svc.as(ATTORI.udp)(formaGraduatorie, { avvisoId });
    const caregiver = formate.graduatorie.find((g) => g.strumento === 'buono-caregiver')!;
    const { elementi: voci } = await svc.as(ATTORI.udp)(elencaVociGraduatoria, {
      avvisoId,
      graduatoriaId: caregiver.id,
    });
    // ISEE ascending: 6.000, 9.000 (decided), 12.000, 18.000; the one over the threshold is not ranked
    expect(voci.map((v) => v.istanzaId)).toEqual([
      presentate[1].id,
      dubbia.id,
      presentate[3].id,
      presentate[0].id,
    ]);
    expect(voci.every((v) => v.esito === 'finanziata')).toBe(true);

    // who decided an istanza of it (and formed it) does not approve it
    expect(
      await rifiuto(
        svc.as(ATTORI.udp)(approvaGraduatoria, {
          avvisoId,
          graduatoriaId: caregiver.id,
          determina: DETERMINA,
        }),
      ),
    ).toBe('APPROVAZIONE_DEL_PROPONENTE');
    for (const g of formate.graduatorie)
      await svc.as(UDP2)(approvaGraduatoria, { avvisoId, graduatoriaId: g.id, determina: DETERMINA });

    expect((await svc.as(ATTORI.udp)(leggiAvviso, { id: avvisoId })).stato).toBe('graduatorie-approvate');
    const approvate = await svc.as(ATTORI.udp)(elencaGraduatorie, { avvisoId });
    expect(approvate.every((g) => g.stato === 'approvata')).toBe(true);
    const impegni = await budget.sql<{ riferimento: string; importo_centesimi: string; linea: string }>(
      `SELECT i.riferimento, i.importo_centesimi, l.codice AS linea
         FROM impegno i JOIN linea l ON l.id = i.linea_id WHERE i.registrato_da = 'servizio:misure'`,
    );
    expect(impegni.map((i) => i.riferimento).sort()).toEqual(
      voci.map((v) => `misure:istanza:${v.istanzaId}`).sort(),
    );
    expect(
      impegni.every((i) => i.linea === '7.10.1' && i.importo_centesimi === String(voci[0].importoCentesimi)),
    ).toBe(true);
  });
});
