import { PRESA_IN_CARICO_RPC } from '@ambito/contracts';
import { rifiuto } from '@ambito/testing';
import { ATTORI, CREMA, PANDINO, eventoDi, progetto } from '../../../test/presa-in-carico-harness';
import { ADL_AUTONOMO, scenarioCrema } from '../../../test/presa-in-carico-scenario';

const {
  leggiCartella,
  leggiDiario,
  registraValutazione,
  proponiProgetto,
  approvaProgetto,
  trasferisciCartella,
} = PRESA_IN_CARICO_RPC;

describe('presa in carico › change of residence', () => {
  const scenario = scenarioCrema();
  const { coordinatore, caseManager, comune, inCarico } = scenario;

  it('moves the case to the équipe of another sub-ambito with its history, out of the old équipe’s sight', async () => {
    const c = await inCarico();
    await caseManager()(registraValutazione, {
      id: c.id,
      strumento: 'ADL',
      data: '2025-11-20',
      risposte: ADL_AUTONOMO,
    });
    const trasferita = await caseManager()(trasferisciCartella, {
      id: c.id,
      comuneResidenza: PANDINO,
      note: 'Trasferita presso la figlia',
    });
    expect(trasferita).toMatchObject({
      subAmbito: 'SA-PANDINO',
      comuneResidenza: PANDINO,
      stato: 'in-attesa',
      caseManager: null,
      valutazioni: [{ strumento: { codice: 'ADL' } }],
      assegnazioni: [{ caseManager: { id: 'as.crema' }, al: expect.any(String) }],
    });
    const evento = await eventoDi(
      scenario.svc,
      'presa-in-carico.cartella.trasferita',
      (p) => p.cartellaId === c.id,
    );
    expect(evento.payload).toMatchObject({
      daSubAmbito: 'SA-CREMA',
      aSubAmbito: 'SA-PANDINO',
      aComune: PANDINO,
    });
    expect(await rifiuto(caseManager()(leggiCartella, { id: c.id }))).toBe('CARTELLA_NON_TROVATA');
    expect(await rifiuto(coordinatore()(leggiCartella, { id: c.id }))).toBe('CARTELLA_NON_TROVATA');
    expect(await rifiuto(comune()(leggiCartella, { id: c.id }))).toBe('CARTELLA_NON_TROVATA');
    const diario = await scenario.svc.as(ATTORI.coordinatorePandino)(leggiDiario, { id: c.id });
    expect(diario.map((v) => v.tipo)).toEqual(['proposta', 'assegnazione', 'valutazione', 'trasferimento']);
    expect((await scenario.svc.as(ATTORI.responsabilePandino)(leggiCartella, { id: c.id })).id).toBe(c.id);
  });

  it('within the sub-ambito changes only the Comune that decides', async () => {
    const c = await inCarico();
    const p = await caseManager()(proponiProgetto, progetto(c.id));
    const spostata = await caseManager()(trasferisciCartella, { id: c.id, comuneResidenza: '019037' }); // Cremosano
    expect(spostata).toMatchObject({
      subAmbito: 'SA-CREMA',
      stato: 'in-carico',
      caseManager: { id: 'as.crema' },
    });
    // Crema no longer decides for this person.
    expect(await rifiuto(comune()(approvaProgetto, { id: p.id }))).toBe('CARTELLA_NON_TROVATA');
    expect(await rifiuto(caseManager()(trasferisciCartella, { id: c.id, comuneResidenza: '019037' }))).toBe(
      'TRANSIZIONE_NON_CONSENTITA',
    );
    expect(await rifiuto(caseManager()(trasferisciCartella, { id: c.id, comuneResidenza: '015146' }))).toBe(
      'COMUNE_SCONOSCIUTO',
    );
    // Only the équipe transfers: the role check of the declaration refuses the Comune first.
    expect(await rifiuto(comune()(trasferisciCartella, { id: c.id, comuneResidenza: CREMA }))).toBe(
      'OPERAZIONE_NON_CONSENTITA',
    );
  });
});
