import { PRESA_IN_CARICO_RPC } from '@ambito/contracts';
import { rifiuto } from '@ambito/testing';
import {
  cartellaAperta,
  ATTORI,
  CREMA,
  apertura,
  codiceFiscale,
  conta,
  eventoDi,
} from '../../../test/presa-in-carico-harness';
import { scenarioCrema } from '../../../test/presa-in-carico-scenario';

const { apriCartella, assegnaCartella, leggiCartella } = PRESA_IN_CARICO_RPC;

describe('presa in carico › assignment of the case manager', () => {
  const scenario = scenarioCrema();
  const { coordinatore, caseManager, comune, inCarico } = scenario;

  it('lets the coordinator assign an assistente sociale of the équipe, accepting the queued proposte', async () => {
    const c = cartellaAperta(await coordinatore()(apriCartella, apertura(codiceFiscale(), CREMA)));
    const assegnata = await coordinatore()(assegnaCartella, { id: c.id, caseManagerId: 'as.crema' });
    expect(assegnata).toMatchObject({
      stato: 'in-carico',
      caseManager: { id: 'as.crema', nome: 'Sara Riva' },
      proposte: [{ stato: 'accolta' }],
      assegnazioni: [{ caseManager: { id: 'as.crema' }, assegnataDa: 'coordinatore.crema', al: null }],
    });
    const evento = await eventoDi(
      scenario.svc,
      'presa-in-carico.cartella.assegnata',
      (p) => p.cartellaId === c.id,
    );
    expect(evento.payload).toMatchObject({ caseManagerId: 'as.crema', precedenteCaseManagerId: null });
  });

  it('keeps the history on reassignment', async () => {
    const c = await inCarico();
    const riassegnata = await coordinatore()(assegnaCartella, {
      id: c.id,
      caseManagerId: 'as.crema2',
      note: 'Carico di lavoro',
    });
    expect(riassegnata.caseManager).toEqual({ id: 'as.crema2', nome: 'Elena Sala' });
    expect(riassegnata.assegnazioni).toHaveLength(2);
    expect(riassegnata.assegnazioni[0]).toMatchObject({
      caseManager: { id: 'as.crema' },
      al: expect.any(String),
    });
    expect(riassegnata.assegnazioni[1]).toMatchObject({
      caseManager: { id: 'as.crema2' },
      al: null,
      note: 'Carico di lavoro',
    });
    await eventoDi(
      scenario.svc,
      'presa-in-carico.cartella.assegnata',
      (p) => p.cartellaId === c.id && p.precedenteCaseManagerId === 'as.crema',
    );
    // The former case manager no longer sees the case.
    expect(await rifiuto(caseManager()(leggiCartella, { id: c.id }))).toBe('CARTELLA_NON_TROVATA');
  });

  it('refuses a case manager outside the équipe or not an assistente sociale, and any other assigner', async () => {
    const c = cartellaAperta(await coordinatore()(apriCartella, apertura(codiceFiscale(), CREMA)));
    const prima = await conta(scenario.svc, 'assegnazione');
    expect(await rifiuto(coordinatore()(assegnaCartella, { id: c.id, caseManagerId: 'edu.crema' }))).toBe(
      'CASE_MANAGER_NON_VALIDO',
    );
    expect(
      await rifiuto(coordinatore()(assegnaCartella, { id: c.id, caseManagerId: 'as.castelleone' })),
    ).toBe('CASE_MANAGER_NON_VALIDO');
    // Only coordinators assign: the role check of the declaration refuses the case manager first.
    expect(await rifiuto(caseManager()(assegnaCartella, { id: c.id, caseManagerId: 'as.crema' }))).toBe(
      'OPERAZIONE_NON_CONSENTITA',
    );
    expect(await rifiuto(comune()(assegnaCartella, { id: c.id, caseManagerId: 'as.crema' }))).toBe(
      'OPERAZIONE_NON_CONSENTITA',
    );
    expect(
      await rifiuto(
        scenario.svc.as(ATTORI.coordinatorePandino)(assegnaCartella, { id: c.id, caseManagerId: 'as.crema' }),
      ),
    ).toBe('CARTELLA_NON_TROVATA');
    expect(await conta(scenario.svc, 'assegnazione')).toBe(prima);
    expect((await coordinatore()(leggiCartella, { id: c.id })).stato).toBe('in-attesa');
  });

  it('assigns exactly once under concurrent requests', async () => {
    const c = cartellaAperta(await coordinatore()(apriCartella, apertura(codiceFiscale(), CREMA)));
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () =>
        coordinatore()(assegnaCartella, { id: c.id, caseManagerId: 'as.crema' }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const [{ n }] = await scenario.svc.sql<{ n: number }>(
      'SELECT count(*)::int AS n FROM assegnazione WHERE cartella_id = $1',
      [c.id],
    );
    expect(n).toBe(1);
  });
});
