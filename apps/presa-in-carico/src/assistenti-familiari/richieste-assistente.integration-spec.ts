import { giornoInItalia } from '@ambito/kernel';
import { randomUUID } from 'node:crypto';
import {
  ASSISTENTI_FAMILIARI_RPC,
  PRESA_IN_CARICO_RPC,
  type ProponiRichiestaAssistenteV1,
} from '@ambito/contracts';
import { RpcClient, gatewaySignerFrom } from '@ambito/messaging';
import {
  connectTestNats,
  eventually,
  generateIdentityKeys,
  rifiuto,
  testActor,
  type IdentityKeyEnv,
} from '@ambito/testing';
// The real assistenti-familiari service, in-process: presa in carico calls it as itself.
// eslint-disable-next-line @nx/enforce-module-boundaries
import {
  startTestAssistentiFamiliari,
  type TestAssistentiFamiliari,
} from '../../../assistenti-familiari/test/assistenti-familiari-harness';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { feriali, iscriviDiProva } from '../../../assistenti-familiari/test/registro-di-prova';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { OGLIO_PO_TERRITORIO_FILE } from '../../../assistenti-familiari/test/territorio';
import {
  apertura,
  cartellaAperta,
  codiceFiscale,
  startTestPresaInCarico,
  type TestPresaInCarico,
} from '../../test/presa-in-carico-harness';

const PIC = PRESA_IN_CARICO_RPC;
const AF = ASSISTENTI_FAMILIARI_RPC;
/** Gussola: sub-ambito SA-MUNICIPIA-ASSE-PO, in the area casalasca of the Casalmaggiore desk (seed 003). */
const GUSSOLA = '019052';
const SUB_AMBITO = 'SA-MUNICIPIA-ASSE-PO';
const MOTIVO = 'richiesta di una famiglia dalla presa in carico';

const coordinatore = testActor('coord.gussola', ['coordinatore-sub-ambito'], [SUB_AMBITO], [], 'Carla Po');
const caseManager = testActor('as.gussola', ['assistente-sociale'], [SUB_AMBITO], [], 'Sara Riva');
const collega = testActor('as2.gussola', ['assistente-sociale'], [SUB_AMBITO], [], 'Elena Sala');
const sportelloCasalmaggiore = testActor(
  'sportello.casalmaggiore',
  ['operatore-accesso'],
  ['SA-CASALMAGGIORE'],
);
const sportelloViadana = testActor('sportello.viadana', ['operatore-accesso'], ['SA-VIADANESE']);

const ADL_DIPENDENTE = {
  'fare-il-bagno': 0,
  vestirsi: 0,
  'uso-servizi': 1,
  spostarsi: 0,
  continenza: 1,
  alimentarsi: 1,
};
const ADL_AUTONOMO = { ...ADL_DIPENDENTE, 'fare-il-bagno': 1, vestirsi: 1, spostarsi: 1 };
const oggi = () => giornoInItalia();

const proposta = (
  cartellaId: string,
  valutazioneId: string,
  p: Partial<ProponiRichiestaAssistenteV1> = {},
): ProponiRichiestaAssistenteV1 => ({
  id: cartellaId,
  valutazioneId,
  orari: (['lun', 'mar', 'mer', 'gio', 'ven'] as const).map((giorno) => ({
    giorno,
    dalle: '08:00',
    alle: '12:00',
  })),
  convivenza: 'indifferente',
  competenze: ['demenza', 'mobilizzazione'],
  competenzeIndispensabili: ['demenza'],
  lingue: [],
  dataInizio: '2026-12-15',
  consenso: {
    datoDa: 'familiare',
    nominativo: 'Paola Bianchi (figlia)',
    datoIl: oggi(),
    documento: 'Consenso firmato, prot. 4521/2026',
  },
  ...p,
});

/**
 * Issue 11 point 4 across the two real services: presa in carico (the case manager's command, its
 * checks, its service identity) and assistenti-familiari (the sportello that holds the richiesta and
 * reports its outcome by event), on one NATS with JetStream and two databases.
 */
describe('richiesta di assistente familiare proposta dalla presa in carico (presa in carico → sportello → esito)', () => {
  let af: TestAssistentiFamiliari;
  let pic: TestPresaInCarico;
  let identita: IdentityKeyEnv;

  beforeAll(async () => {
    identita = generateIdentityKeys();
    af = await startTestAssistentiFamiliari({ identita });
    pic = await startTestPresaInCarico({ identita, env: { TERRITORIO_FILE: OGLIO_PO_TERRITORIO_FILE } });
    for (const [userId, nome] of [
      ['as.gussola', 'Sara Riva'],
      ['as2.gussola', 'Elena Sala'],
    ])
      await pic.as(coordinatore)(PIC.registraMembroEquipe, {
        subAmbito: SUB_AMBITO,
        userId,
        nome,
        professione: 'assistente-sociale',
      });
  });
  afterAll(async () => {
    await pic?.close();
    await af?.close();
  });

  /** A case of a person resident in Gussola, in carico to as.gussola, with an ADL valutazione. */
  async function casoValutato(risposte = ADL_DIPENDENTE, data = oggi()) {
    const personaId = randomUUID();
    const c = cartellaAperta(
      await pic.as(coordinatore)(PIC.apriCartella, { ...apertura(codiceFiscale(), GUSSOLA), personaId }),
    );
    await pic.as(coordinatore)(PIC.assegnaCartella, { id: c.id, caseManagerId: 'as.gussola' });
    const v = await pic.as(caseManager)(PIC.registraValutazione, {
      id: c.id,
      strumento: 'ADL',
      data,
      risposte,
    });
    return { cartellaId: c.id, personaId, valutazioneId: v.id };
  }

  const richiesteAf = (cartellaId: string) =>
    af.sql<Record<string, unknown>>(
      `SELECT id, origine, persona_id, cartella_id, valutazione_id, sportello, sub_ambito, consenso_dato_da,
              consenso_nominativo, to_char(consenso_dato_il, 'YYYY-MM-DD') AS consenso_dato_il, consenso_documento,
              registrata_da
         FROM richiesta WHERE cartella_id = $1`,
      [cartellaId],
    );

  it('the case manager proposes it with the consent: the sportello of the family’s area holds it, linked both ways', async () => {
    const { cartellaId, personaId, valutazioneId } = await casoValutato();
    const r = await pic.as(caseManager)(PIC.proponiRichiestaAssistente, proposta(cartellaId, valutazioneId));
    expect(r).toMatchObject({
      cartellaId,
      valutazioneId,
      valutazioneDel: oggi(),
      bisogno: { versioneCriteri: 'bisogno-assistente-2026.1', strumento: 'ADL', punteggio: 3 },
      consenso: { datoDa: 'familiare', nominativo: 'Paola Bianchi (figlia)', datoIl: oggi() },
      sportello: 'SPORTELLO-AF-CASALMAGGIORE',
      stato: 'aperta',
      contrattoId: null,
      propostaDa: { id: 'as.gussola', nome: 'Sara Riva' },
    });
    // The sportello's side: the richiesta knows its cartella, valutazione and consent; written by the
    // presa in carico service itself (its identity, verified with the run's keys), not by the user.
    expect(await richiesteAf(cartellaId)).toEqual([
      {
        id: r.richiestaId,
        origine: 'presa-in-carico',
        persona_id: personaId,
        cartella_id: cartellaId,
        valutazione_id: valutazioneId,
        sportello: 'SPORTELLO-AF-CASALMAGGIORE',
        sub_ambito: SUB_AMBITO,
        consenso_dato_da: 'familiare',
        consenso_nominativo: 'Paola Bianchi (figlia)',
        consenso_dato_il: oggi(),
        consenso_documento: 'Consenso firmato, prot. 4521/2026',
        registrata_da: 'servizio:presa-in-carico',
      },
    ]);
    const audit = await af.sql(`SELECT utente, azione FROM voce_audit WHERE risorsa_id = $1`, [
      r.richiestaId,
    ]);
    expect(audit).toEqual([{ utente: 'servizio:presa-in-carico', azione: 'registra' }]);
    // The desk of the area reads it; the other desk of the ambito does not (sub-ambito rule, point 3).
    const letta = await af.as(sportelloCasalmaggiore, MOTIVO)(AF.leggiRichiesta, { id: r.richiestaId });
    expect(letta).toMatchObject({
      origine: 'presa-in-carico',
      cartellaId,
      valutazioneId,
      consenso: { datoDa: 'familiare', documento: 'Consenso firmato, prot. 4521/2026' },
    });
    expect(await rifiuto(af.as(sportelloViadana, MOTIVO)(AF.leggiRichiesta, { id: r.richiestaId }))).toBe(
      'FUORI_AMBITO_TERRITORIALE',
    );
    // The cartella shows it.
    expect(await pic.as(coordinatore)(PIC.elencaRichiesteAssistente, { id: cartellaId })).toEqual([r]);
  });

  it('answers the same valutazione again with the same richiesta, and refuses a second open one', async () => {
    const { cartellaId, valutazioneId } = await casoValutato();
    const prima = await pic.as(caseManager)(
      PIC.proponiRichiestaAssistente,
      proposta(cartellaId, valutazioneId),
    );
    const ancora = await pic.as(caseManager)(
      PIC.proponiRichiestaAssistente,
      proposta(cartellaId, valutazioneId),
    );
    expect(ancora.richiestaId).toBe(prima.richiestaId);
    const altra = await pic.as(caseManager)(PIC.registraValutazione, {
      id: cartellaId,
      strumento: 'ADL',
      data: oggi(),
      risposte: ADL_DIPENDENTE,
    });
    expect(
      await rifiuto(pic.as(caseManager)(PIC.proponiRichiestaAssistente, proposta(cartellaId, altra.id))),
    ).toBe('RICHIESTA_GIA_PROPOSTA');
    expect(await richiesteAf(cartellaId)).toHaveLength(1);
  });

  it('refuses, with stable codes and nothing written on either side: not the case manager, no consent, no need shown', async () => {
    const { cartellaId, valutazioneId } = await casoValutato();
    const autonomo = await pic.as(caseManager)(PIC.registraValutazione, {
      id: cartellaId,
      strumento: 'ADL',
      data: oggi(),
      risposte: ADL_AUTONOMO,
    });
    const corretta = proposta(cartellaId, valutazioneId);
    // Only the case manager: not the coordinator (not the role), not a colleague who does not work the
    // case (does not see it), not a member of the case's équipe (sees it, is not its case manager).
    expect(await rifiuto(pic.as(coordinatore)(PIC.proponiRichiestaAssistente, corretta))).toBe(
      'OPERAZIONE_NON_CONSENTITA',
    );
    expect(await rifiuto(pic.as(collega)(PIC.proponiRichiestaAssistente, corretta))).toBe(
      'CARTELLA_NON_TROVATA',
    );
    await pic.as(coordinatore)(PIC.assegnaEquipeCaso, { id: cartellaId, membri: ['as2.gussola'] });
    expect(await rifiuto(pic.as(collega)(PIC.proponiRichiestaAssistente, corretta))).toBe(
      'OPERAZIONE_NON_CONSENTITA',
    );
    // The consent: missing, given by a family member without a name, in the future.
    const { consenso: _c, ...senzaConsenso } = corretta;
    expect(await rifiuto(pic.as(caseManager)(PIC.proponiRichiestaAssistente, senzaConsenso as never))).toBe(
      'VALIDAZIONE_FALLITA',
    );
    expect(
      await rifiuto(
        pic.as(caseManager)(PIC.proponiRichiestaAssistente, {
          ...corretta,
          consenso: { ...corretta.consenso, datoDa: 'tutore', nominativo: null },
        }),
      ),
    ).toBe('CONSENSO_MANCANTE');
    expect(
      await rifiuto(
        pic.as(caseManager)(PIC.proponiRichiestaAssistente, {
          ...corretta,
          consenso: { ...corretta.consenso, datoIl: '2099-01-01' },
        }),
      ),
    ).toBe('DATA_NON_VALIDA');
    // The need: an autonomous person's ADL, an unknown valutazione, one older than twelve months.
    expect(
      await rifiuto(pic.as(caseManager)(PIC.proponiRichiestaAssistente, proposta(cartellaId, autonomo.id))),
    ).toBe('BISOGNO_NON_DIMOSTRATO');
    expect(
      await rifiuto(pic.as(caseManager)(PIC.proponiRichiestaAssistente, proposta(cartellaId, randomUUID()))),
    ).toBe('VALUTAZIONE_NON_TROVATA');
    const vecchio = await casoValutato(ADL_DIPENDENTE, '2024-01-10');
    expect(
      await rifiuto(
        pic.as(caseManager)(
          PIC.proponiRichiestaAssistente,
          proposta(vecchio.cartellaId, vecchio.valutazioneId),
        ),
      ),
    ).toBe('BISOGNO_NON_DIMOSTRATO');
    expect(await richiesteAf(cartellaId)).toEqual([]);
    expect(await pic.sql(`SELECT 1 FROM richiesta_assistente WHERE cartella_id = $1`, [cartellaId])).toEqual(
      [],
    );
    // Each refusal is in the cartella's audit with its code.
    const rifiuti = await pic.sql<{ codice_errore: string }>(
      `SELECT codice_errore FROM voce_audit WHERE azione = 'proponi-richiesta-assistente' AND risorsa_id = $1`,
      [cartellaId],
    );
    expect(rifiuti.map((r) => r.codice_errore)).toEqual(
      expect.arrayContaining([
        'CARTELLA_NON_TROVATA',
        'OPERAZIONE_NON_CONSENTITA',
        'CONSENSO_MANCANTE',
        'DATA_NON_VALIDA',
        'BISOGNO_NON_DIMOSTRATO',
        'VALUTAZIONE_NON_TROVATA',
      ]),
    );
  });

  it('the sportello takes the proposal only from presa in carico’s identity, never from a user', async () => {
    const { cartellaId, valutazioneId, personaId } = await casoValutato();
    const richiesta = {
      personaId,
      comune: GUSSOLA,
      cartellaId,
      valutazioneId,
      valutazioneDel: oggi(),
      consenso: proposta(cartellaId, valutazioneId).consenso,
      orari: [{ giorno: 'lun' as const, dalle: '08:00', alle: '12:00' }],
      convivenza: 'indifferente' as const,
      competenze: [],
      competenzeIndispensabili: [],
      lingue: [],
      dataInizio: '2026-12-15',
    };
    // The gateway's NATS user may not even send it (permissions generated from the declarations)…
    expect(await rifiuto(af.as(caseManager)(AF.proponiRichiesta, richiesta))).toBe(
      'SERVIZIO_NON_DISPONIBILE',
    );
    // …and a user's identity on a connection that may send it is refused by the sportello's roles.
    const nats = await connectTestNats('presa-in-carico', { name: 'richieste-assistente-test' });
    try {
      const comeUtente = new RpcClient(nats, 5000, gatewaySignerFrom(identita, { ambito: 'CREMA' }));
      const tentativo = comeUtente.request(AF.proponiRichiesta, richiesta, {
        context: { actor: caseManager, correlationId: randomUUID(), causationId: null },
      });
      expect(await rifiuto(tentativo)).toBe('OPERAZIONE_NON_CONSENTITA');
    } finally {
      await nats.close();
    }
    expect(await richiesteAf(cartellaId)).toEqual([]);
  });

  it('shows the outcome in the cartella when the sportello signs a contract for it (richiesta soddisfatta)', async () => {
    const { cartellaId, personaId, valutazioneId } = await casoValutato();
    const r = await pic.as(caseManager)(PIC.proponiRichiestaAssistente, proposta(cartellaId, valutazioneId));
    const assistente = await iscriviDiProva(af, {
      registro: 'CREMA',
      sportello: 'SPORTELLO-AF-VIADANA',
      competenze: ['demenza', 'mobilizzazione'],
      aree: [GUSSOLA],
      disponibilita: feriali(8, 12),
    });
    const sportello = af.as(sportelloCasalmaggiore, MOTIVO);
    const p = await sportello(AF.proponiAssistente, {
      richiestaId: r.richiestaId,
      iscrizioneId: assistente.iscrizioneId,
    });
    await sportello(AF.rispondiProposta, { id: p.id, parte: 'famiglia', risposta: 'accetta' });
    await sportello(AF.rispondiProposta, { id: p.id, parte: 'assistente', risposta: 'accetta' });
    const contratto = await sportello(AF.registraContratto, {
      richiestaId: r.richiestaId,
      personaId,
      assistenteId: assistente.assistenteId,
      datore: 'familiare',
      livelloCcnl: 'CS',
      oreSettimanali: 20,
      convivente: false,
      dataInizio: '2026-12-15',
      costoMensileCentesimi: 110_000,
      comunicazioneInps: 'INPS-2026-77',
    });
    expect(contratto.sportello).toBe('SPORTELLO-AF-CASALMAGGIORE');
    await eventually(
      async () => {
        const [esito] = await pic.as(caseManager)(PIC.elencaRichiesteAssistente, { id: cartellaId });
        expect(esito).toMatchObject({
          richiestaId: r.richiestaId,
          stato: 'soddisfatta',
          contrattoId: contratto.id,
          soddisfattaIl: expect.any(String),
        });
      },
      { timeoutMs: 15_000 },
    );
  });

  it('when the sportello does not answer, the proposal fails as unavailable and nothing is written', async () => {
    const { cartellaId, valutazioneId } = await casoValutato();
    await af.close();
    try {
      expect(
        await rifiuto(
          pic.as(caseManager)(PIC.proponiRichiestaAssistente, proposta(cartellaId, valutazioneId)),
        ),
      ).toBe('SERVIZIO_NON_DISPONIBILE');
      expect(
        await pic.sql(`SELECT 1 FROM richiesta_assistente WHERE cartella_id = $1`, [cartellaId]),
      ).toEqual([]);
    } finally {
      af = undefined as never;
    }
  });
});
