import { PRESA_IN_CARICO_RPC } from '@ambito/contracts';
import { rifiuto } from '@ambito/testing';
import {
  cartellaAperta,
  CREMA,
  apertura,
  codiceFiscale,
  conta,
  eventoDi,
  progetto,
} from '../../../test/presa-in-carico-harness';
import { ADL_AUTONOMO, scenarioCrema } from '../../../test/presa-in-carico-scenario';

const {
  apriCartella,
  assegnaCartella,
  chiudiCartella,
  leggiDiario,
  annotaDiario,
  registraValutazione,
  proponiProgetto,
  approvaProgetto,
} = PRESA_IN_CARICO_RPC;

describe('presa in carico › closure and diario', () => {
  const scenario = scenarioCrema();
  const { coordinatore, caseManager, comune, inCarico } = scenario;

  it('closes with a motivo; afterwards assessing, proposing and deciding are refused and nothing is written', async () => {
    const c = await inCarico();
    const pendente = await caseManager()(proponiProgetto, progetto(c.id));
    const chiusa = await caseManager()(chiudiCartella, {
      id: c.id,
      motivo: 'obiettivi-raggiunti',
      note: 'Rientro in famiglia',
    });
    expect(chiusa).toMatchObject({
      stato: 'chiusa',
      chiusura: { motivo: 'obiettivi-raggiunti', da: 'as.crema', note: 'Rientro in famiglia' },
    });
    expect(chiusa.assegnazioni[0].al).not.toBeNull();
    await eventoDi(scenario.svc, 'presa-in-carico.cartella.chiusa', (p) => p.cartellaId === c.id);

    const prima = [
      await conta(scenario.svc, 'valutazione'),
      await conta(scenario.svc, 'progetto'),
      await conta(scenario.svc, 'voce_diario'),
    ];
    expect(
      await rifiuto(
        caseManager()(registraValutazione, {
          id: c.id,
          strumento: 'ADL',
          data: '2025-11-20',
          risposte: ADL_AUTONOMO,
        }),
      ),
    ).toBe('CARTELLA_CHIUSA');
    expect(await rifiuto(caseManager()(proponiProgetto, progetto(c.id)))).toBe('CARTELLA_CHIUSA');
    expect(await rifiuto(comune()(approvaProgetto, { id: pendente.id }))).toBe('CARTELLA_CHIUSA');
    expect(await rifiuto(caseManager()(chiudiCartella, { id: c.id, motivo: 'rinuncia' }))).toBe(
      'CARTELLA_CHIUSA',
    );
    expect(await rifiuto(caseManager()(assegnaCartella, { id: c.id, caseManagerId: 'as.crema2' }))).toBe(
      'OPERAZIONE_NON_CONSENTITA',
    );
    expect(await rifiuto(coordinatore()(assegnaCartella, { id: c.id, caseManagerId: 'as.crema2' }))).toBe(
      'CARTELLA_CHIUSA',
    );
    expect([
      await conta(scenario.svc, 'valutazione'),
      await conta(scenario.svc, 'progetto'),
      await conta(scenario.svc, 'voce_diario'),
    ]).toEqual(prima);
  });

  it('refuses an unknown motivo and closure by the Comune', async () => {
    const c = await inCarico();
    expect(
      await rifiuto(caseManager()(chiudiCartella, { id: c.id, motivo: 'archiviata' as 'rinuncia' })),
    ).toBe('VALIDAZIONE_FALLITA');
    expect(await rifiuto(comune()(chiudiCartella, { id: c.id, motivo: 'rinuncia' }))).toBe(
      'OPERAZIONE_NON_CONSENTITA',
    );
  });

  it('reopens a closed cartella as a new episode when a new proposta arrives', async () => {
    const cf = codiceFiscale();
    const c = cartellaAperta(await coordinatore()(apriCartella, apertura(cf, CREMA)));
    await coordinatore()(chiudiCartella, { id: c.id, motivo: 'rinuncia' });
    const riaperta = cartellaAperta(await coordinatore()(apriCartella, apertura(cf, CREMA)));
    expect(riaperta).toMatchObject({
      id: c.id,
      stato: 'in-attesa',
      episodio: 2,
      chiusura: null,
      caseManager: null,
    });
    expect(riaperta.proposte).toHaveLength(2);
  });

  it('keeps the timeline of everything that happened, with the operators’ entries', async () => {
    const c = await inCarico();
    await caseManager()(annotaDiario, {
      id: c.id,
      tipo: 'visita-domiciliare',
      testo: 'Abitazione con barriere.',
    });
    await caseManager()(registraValutazione, {
      id: c.id,
      strumento: 'ADL',
      data: '2025-11-20',
      risposte: ADL_AUTONOMO,
    });
    const p = await caseManager()(proponiProgetto, progetto(c.id));
    await comune()(approvaProgetto, { id: p.id });
    await caseManager()(chiudiCartella, { id: c.id, motivo: 'trasferimento' });
    const diario = await caseManager()(leggiDiario, { id: c.id });
    expect(diario.map((v) => v.tipo)).toEqual([
      'proposta',
      'assegnazione',
      'visita-domiciliare',
      'valutazione',
      'progetto-proposto',
      'progetto-approvato',
      'chiusura',
    ]);
    expect(diario[3].testo).toContain('punteggio 6/6');
    expect(diario[5].autore.id).toBe('responsabile.crema');
    expect(await rifiuto(comune()(annotaDiario, { id: c.id, tipo: 'nota', testo: 'x' }))).toBe(
      'OPERAZIONE_NON_CONSENTITA',
    );
  });
});
