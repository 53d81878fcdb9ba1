import { PRESA_IN_CARICO_RPC } from '@ambito/contracts';
import { rifiuto } from '@ambito/testing';
import { ATTORI, conta } from '../../../test/presa-in-carico-harness';
import { scenarioCrema } from '../../../test/presa-in-carico-scenario';

const { chiudiCartella, leggiCartella, annotaDiario, registraValutazione, assegnaEquipeCaso } =
  PRESA_IN_CARICO_RPC;

describe('presa in carico › équipe of the case', () => {
  const scenario = scenarioCrema();
  const { coordinatore, caseManager, inCarico } = scenario;

  it('lets the coordinator add équipe members, who then see and work the case but cannot close it', async () => {
    const c = await inCarico();
    expect(await rifiuto(scenario.svc.as(ATTORI.psiCrema)(leggiCartella, { id: c.id }))).toBe(
      'CARTELLA_NON_TROVATA',
    );
    const conEquipe = await coordinatore()(assegnaEquipeCaso, {
      id: c.id,
      membri: ['psi.crema', 'edu.crema'],
    });
    expect(conEquipe.equipe.map((m) => [m.userId, m.professione])).toEqual([
      ['psi.crema', 'psicologo'],
      ['edu.crema', 'educatore'],
    ]);
    expect((await scenario.svc.as(ATTORI.psiCrema)(leggiCartella, { id: c.id })).id).toBe(c.id);
    const elenco = await scenario.svc.as(ATTORI.psiCrema)(PRESA_IN_CARICO_RPC.elencaCartelle, {});
    expect(elenco.elementi.map((e) => e.id)).toEqual([c.id]);
    await scenario.svc.as(ATTORI.psiCrema)(annotaDiario, {
      id: c.id,
      tipo: 'colloquio',
      testo: 'Primo colloquio psicologico.',
    });
    expect(
      await rifiuto(scenario.svc.as(ATTORI.psiCrema)(chiudiCartella, { id: c.id, motivo: 'rinuncia' })),
    ).toBe('OPERAZIONE_NON_CONSENTITA');
    // Removed from the case: out of sight again, the membership kept as history.
    const senza = await coordinatore()(assegnaEquipeCaso, { id: c.id, membri: ['edu.crema'] });
    expect(senza.equipe.map((m) => m.userId)).toEqual(['edu.crema']);
    expect(await rifiuto(scenario.svc.as(ATTORI.psiCrema)(leggiCartella, { id: c.id }))).toBe(
      'CARTELLA_NON_TROVATA',
    );
    const [{ n }] = await scenario.svc.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM partecipazione WHERE cartella_id = $1 AND user_id = 'psi.crema' AND al IS NOT NULL`,
      [c.id],
    );
    expect(n).toBe(1);
  });

  it('refuses members outside the sub-ambito’s équipe and anyone but the coordinator', async () => {
    const c = await inCarico();
    const prima = await conta(scenario.svc, 'partecipazione');
    expect(await rifiuto(coordinatore()(assegnaEquipeCaso, { id: c.id, membri: ['as.castelleone'] }))).toBe(
      'VALIDAZIONE_FALLITA',
    );
    expect(await rifiuto(caseManager()(assegnaEquipeCaso, { id: c.id, membri: ['psi.crema'] }))).toBe(
      'OPERAZIONE_NON_CONSENTITA',
    );
    expect(await conta(scenario.svc, 'partecipazione')).toBe(prima);
  });

  it('uses the Dopo di Noi instrument only with a clinical and a social member on the case', async () => {
    const c = await inCarico();
    const ddn = {
      id: c.id,
      strumento: 'DDN',
      data: '2025-11-20',
      risposte: {
        'cura-di-se': 2,
        mobilita: 3,
        'comunicazione-cognitive': 1,
        'strumentali-relazionali': 2,
      },
    };
    // The case manager is the social member; the clinical one is missing.
    expect(await rifiuto(caseManager()(registraValutazione, ddn))).toBe('EQUIPE_INCOMPLETA');
    await coordinatore()(assegnaEquipeCaso, { id: c.id, membri: ['psi.crema'] });
    const valutazione = await scenario.svc.as(ATTORI.psiCrema)(registraValutazione, ddn);
    expect(valutazione).toMatchObject({
      strumento: { codice: 'DDN', versione: 1 },
      punteggio: 8,
      punteggioMax: 16,
    });
  });

  it('records the Dopo di Noi assessment with an ASST clinician (medico, neuropsichiatra) as the clinical member', async () => {
    const medico = await coordinatore()(PRESA_IN_CARICO_RPC.registraMembroEquipe, {
      subAmbito: 'SA-CREMA',
      userId: 'npi.asst',
      nome: 'Marco Testa',
      professione: 'neuropsichiatra-infantile',
      ente: 'ASST di Crema',
      contratto: 'altro',
    });
    expect(medico).toMatchObject({
      professione: 'neuropsichiatra-infantile',
      ente: 'ASST di Crema',
      fte: null,
    });
    const c = await inCarico();
    await coordinatore()(assegnaEquipeCaso, { id: c.id, membri: ['npi.asst'] });
    const valutazione = await caseManager()(registraValutazione, {
      id: c.id,
      strumento: 'DDN',
      data: '2025-11-20',
      risposte: { 'cura-di-se': 1, mobilita: 1, 'comunicazione-cognitive': 1, 'strumentali-relazionali': 1 },
    });
    expect(valutazione).toMatchObject({ strumento: { codice: 'DDN', versione: 1 }, punteggio: 4 });
  });
});
