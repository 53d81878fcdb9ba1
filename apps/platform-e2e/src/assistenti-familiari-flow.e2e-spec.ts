import type {
  CandidatiV1,
  CandidaturaV1,
  ContrattoV1,
  EsitoVerificaBonusV1,
  PropostaAssistenteV1,
  RichiestaV1,
  EsitoRiverificaV1,
  IscrizioneV1,
  PaginaRegistroPubblicoV1,
  PresentaCandidaturaV1,
} from '@ambito/contracts';
import { checkChar, giornoInItalia } from '@ambito/kernel';
import { Api, startPlatform, type Platform } from './platform';

const PROBLEM = 'application/problem+json';
const FINALITA = { 'x-finalita': 'registro-assistenti-familiari', 'x-motivo': 'registro end-to-end' };
const PUBBLICO = '/api/v1/pubblico/assistenti-familiari';
const CASALMAGGIORE = '019021';

/** Today and days around it, in Europe/Rome as the registro judges permits. */
const giorno = (delta = 0) => giornoInItalia(new Date(Date.now() + delta * 86_400_000));
const cf = (primi15: string) => primi15 + checkChar(primi15);

function candidatura(codiceFiscale: string, extraUe: { scadenza: string } | null): PresentaCandidaturaV1 {
  return {
    sportello: extraUe ? 'SPORTELLO-AF-VIADANA' : 'SPORTELLO-AF-CASALMAGGIORE',
    assistente: {
      codiceFiscale,
      nome: extraUe ? 'Olena' : 'Elena',
      cognome: extraUe ? 'Kovalenko' : 'Popescu',
      dataNascita: '1980-01-01',
      cittadinanza: extraUe ? 'UA' : 'RO',
      telefono: '+39 333 7654321',
      email: null,
      indirizzo: 'Via Roma 1, Casalmaggiore',
    },
    dichiarazioni: {
      assenzaCondanne: true,
      assenzaProcedimentiPendenti: true,
      permessoSoggiorno: extraUe
        ? {
            tipo: 'lavoro subordinato',
            validoPerLavoro: true,
            scadenza: extraUe.scadenza,
            documento: 'PS-E2E',
          }
        : null,
      titoli: [
        extraUe
          ? {
              tipo: 'esperienza-12-mesi',
              ore: null,
              mesi: 36,
              descrizione: 'Contratto CCNL lavoro domestico',
              documento: 'CTR-E2E',
            }
          : {
              tipo: 'qualifica-asa-oss',
              ore: null,
              mesi: null,
              descrizione: 'ASA, Cremona',
              documento: 'ASA-E2E',
            },
      ],
      provaLingua: { modo: 'autodichiarazione', ente: null, documento: null },
    },
    scheda: {
      competenze: ['demenza', 'mobilizzazione'],
      formazione: [],
      disponibilita: [{ giorno: 'mar', dalle: 9, alle: 17 }],
      lingue: ['it', extraUe ? 'uk' : 'ro'],
      aree: [CASALMAGGIORE],
      convivente: Boolean(extraUe),
      esperienzaMesi: 36,
    },
    documenti: [{ tipo: 'documento-identita', riferimento: 'CI-E2E', data: giorno() }],
  };
}

/**
 * Issue 11, registro: a candidate from the application at a sportello to the public register, through
 * the gateway only, with the assistenti-familiari service as a process on the Ambito Oglio Po's
 * territorio; an expired permit takes the scheda out, and so does a revoked consent.
 */
describe('assistenti familiari, end to end: candidatura → iscrizione → public register', () => {
  let platform: Platform;
  let api: Api;

  beforeAll(async () => {
    platform = await startPlatform({ services: ['assistenti-familiari'] });
    api = new Api(platform.gateway);
  });
  afterAll(async () => {
    await platform?.stop();
  });

  /** The public list as anyone reads it: no token. */
  const pubblico = async (query = '') => {
    const r = await api.request<PaginaRegistroPubblicoV1>(null, 'GET', `${PUBBLICO}${query}`, undefined, {
      'x-finalita': '',
      'x-motivo': '',
    });
    expect(r.status).toBe(200);
    return r.body;
  };

  async function iscrivi(dati: PresentaCandidaturaV1): Promise<IscrizioneV1> {
    const presentata = await api.request<CandidaturaV1>(
      'udp',
      'POST',
      '/api/v1/assistenti-familiari/candidature',
      dati,
    );
    expect(presentata.status).toBe(201);
    expect(presentata.headers.get('location')).toBe(
      `/api/v1/assistenti-familiari/candidature/${presentata.body.id}`,
    );
    expect(presentata.body.verifica.esito).toBe('idoneo');
    const decisa = await api.request<CandidaturaV1>(
      'udp',
      'POST',
      `/api/v1/assistenti-familiari/candidature/${presentata.body.id}/decisione`,
      { decisione: 'iscrivi', documentiVerificati: true },
    );
    expect(decisa.status).toBe(200);
    expect(decisa.body.stato).toBe('iscritta');
    const letta = await api.request<IscrizioneV1>(
      'udp',
      'GET',
      `/api/v1/assistenti-familiari/iscrizioni/${decisa.body.iscrizioneId}`,
      undefined,
      FINALITA,
    );
    expect(letta.status).toBe(200);
    return letta.body;
  }

  it('goes from the candidatura to the public register, showing only what the assistant consented to', async () => {
    const dati = candidatura(cf('PPSLNE80A41Z129'), null);
    const iscrizione = await iscrivi(dati);
    expect(iscrizione).toMatchObject({
      stato: 'attiva',
      sportello: 'SPORTELLO-AF-CASALMAGGIORE',
      consenso: null,
    });
    // Without consent, not in the public register.
    expect((await pubblico()).elementi.map((v) => v.id)).not.toContain(iscrizione.id);

    const consenso = await api.request<IscrizioneV1>(
      'udp',
      'PUT',
      `/api/v1/assistenti-familiari/iscrizioni/${iscrizione.id}/consenso`,
      { campi: ['nome', 'competenze', 'aree', 'disponibilita'], documento: 'CONS-E2E' },
    );
    expect(consenso.status).toBe(200);
    const lista = await pubblico(`?area=${CASALMAGGIORE}&competenza=demenza&giorno=mar&dalle=10&alle=12`);
    expect(lista.elementi).toEqual([
      {
        id: iscrizione.id,
        sportello: 'SPORTELLO-AF-CASALMAGGIORE',
        nome: 'Elena',
        competenze: ['demenza', 'mobilizzazione'],
        formazione: null,
        disponibilita: [{ giorno: 'mar', dalle: 9, alle: 17 }],
        lingue: null,
        aree: [CASALMAGGIORE],
        convivente: null,
        esperienzaMesi: null,
      },
    ]);
    // Languages were not consented: a filter on them does not find the scheda.
    expect((await pubblico('?lingua=ro')).elementi).toEqual([]);
    const testo = JSON.stringify(lista);
    for (const privato of [
      dati.assistente.codiceFiscale,
      dati.assistente.telefono!,
      dati.assistente.indirizzo!,
      'Popescu',
    ])
      expect(testo).not.toContain(privato);

    // Cached briefly by the reader's browser only, revalidated by its ETag.
    const letta = await api.request<PaginaRegistroPubblicoV1>(null, 'GET', PUBBLICO);
    expect(letta.headers.get('cache-control')).toBe('private, max-age=15');
    const etag = letta.headers.get('etag')!;
    expect(letta.body.elementi.map((v) => v.id)).toContain(iscrizione.id);
    // As a browser revalidates its copy: fetch would add `Cache-Control: no-cache` to a conditional
    // request without one (Fetch standard), which asks the server not to answer from the validator.
    const rivalida = { 'if-none-match': etag, 'cache-control': 'max-age=0' };
    expect((await api.request(null, 'GET', PUBBLICO, undefined, rivalida)).status).toBe(304);

    // Revoked: out of the list at once, even for a browser revalidating its copy.
    const revoca = await api.request(
      'udp',
      'DELETE',
      `/api/v1/assistenti-familiari/iscrizioni/${iscrizione.id}/consenso`,
    );
    expect(revoca.status).toBe(200);
    expect((await pubblico()).elementi.map((v) => v.id)).not.toContain(iscrizione.id);
    const rivalidata = await api.request<PaginaRegistroPubblicoV1>(
      null,
      'GET',
      PUBBLICO,
      undefined,
      rivalida,
    );
    expect(rivalidata.status).toBe(200);
    expect(rivalidata.body.elementi.map((v) => v.id)).not.toContain(iscrizione.id);
  });

  it('matches a family with the iscritta and goes to a signed contract and its Bonus pre-check', async () => {
    const iscrizione = await iscrivi(candidatura(cf('PPSNDR80A41Z129'), null));
    const AF = '/api/v1/assistenti-familiari';
    const richiesta = await api.request<RichiestaV1>('udp', 'POST', `${AF}/richieste`, {
      personaId: '3f1c6a52-8f7e-4d8b-9a51-0b6f7c2d9e10',
      sportello: 'SPORTELLO-AF-CASALMAGGIORE',
      comune: CASALMAGGIORE,
      orari: [{ giorno: 'mar', dalle: '09:00', alle: '12:00' }],
      convivenza: 'indifferente',
      competenze: ['demenza', 'mobilizzazione'],
      competenzeIndispensabili: ['demenza'],
      lingue: ['ro'],
      dataInizio: giorno(10),
    });
    expect(richiesta.status).toBe(201);
    expect(richiesta.headers.get('location')).toBe(`${AF}/richieste/${richiesta.body.id}`);

    const candidati = await api.request<CandidatiV1>(
      'udp',
      'GET',
      `${AF}/richieste/${richiesta.body.id}/candidati`,
      undefined,
      FINALITA,
    );
    expect(candidati.status).toBe(200);
    const candidato = candidati.body.candidati.find((c) => c.iscrizioneId === iscrizione.id);
    expect(candidato).toMatchObject({ punteggio: 100, sportello: 'SPORTELLO-AF-CASALMAGGIORE' });
    expect(candidato!.parti.map((p) => p.criterio)).toEqual([
      'competenze',
      'disponibilita',
      'area',
      'lingue',
      'convivenza',
    ]);

    const proposta = await api.request<PropostaAssistenteV1>(
      'udp',
      'POST',
      `${AF}/richieste/${richiesta.body.id}/proposte`,
      { iscrizioneId: iscrizione.id },
    );
    expect(proposta.status).toBe(201);
    for (const parte of ['famiglia', 'assistente'])
      expect(
        (
          await api.request(`udp`, 'POST', `${AF}/proposte/${proposta.body.id}/risposte`, {
            parte,
            risposta: 'accetta',
          })
        ).status,
      ).toBe(200);

    const contratto = await api.request<ContrattoV1>('udp', 'POST', `${AF}/contratti`, {
      richiestaId: richiesta.body.id,
      personaId: richiesta.body.personaId,
      assistenteId: iscrizione.assistente.id,
      datore: 'assistito',
      livelloCcnl: 'CS',
      oreSettimanali: 3,
      convivente: false,
      dataInizio: giorno(10),
      costoMensileCentesimi: 40_000,
      comunicazioneInps: 'INPS-E2E-1',
    });
    expect(contratto.status).toBe(201);
    const soddisfatta = await api.request<RichiestaV1>(
      'udp',
      'GET',
      `${AF}/richieste/${richiesta.body.id}`,
      undefined,
      FINALITA,
    );
    expect(soddisfatta.body).toMatchObject({ stato: 'soddisfatta', contrattoId: contratto.body.id });
    // A second contract for the same richiesta: refused.
    const secondo = await api.request(`udp`, 'POST', `${AF}/contratti`, {
      richiestaId: richiesta.body.id,
      personaId: richiesta.body.personaId,
      assistenteId: iscrizione.assistente.id,
      datore: 'assistito',
      livelloCcnl: 'CS',
      oreSettimanali: 3,
      convivente: false,
      dataInizio: giorno(10),
      costoMensileCentesimi: 40_000,
    });
    expect(secondo.status).toBe(409);
    expect(secondo.contentType).toContain(PROBLEM);

    const verifica = await api.request<EsitoVerificaBonusV1>(
      'udp',
      'POST',
      `${AF}/contratti/${contratto.body.id}/verifiche-bonus`,
      {
        richiedente: 'assistito',
        isee: { titolare: 'assistito', valoreCentesimi: 1_500_000 },
        residenteInLombardiaDal: '2000-01-01',
        speseAmmissibiliCentesimi: 480_000,
      },
    );
    expect(verifica.status).toBe(201);
    expect(verifica.body).toMatchObject({ ammissibile: true, calcolo: { importoCentesimi: 240_000 } });
    const pdf = await fetch(`${platform.gateway}${AF}/verifiche-bonus/${verifica.body.id}/riepilogo.pdf`, {
      headers: { authorization: `Bearer ${await api.token('udp')}`, ...FINALITA },
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toContain('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 8)
        .toString('latin1'),
    ).toBe('%PDF-1.4');
  });

  it('suspends an iscrizione whose permit expired, which leaves the public register', async () => {
    const iscrizione = await iscrivi(candidatura(cf('KVLLNO80A41Z138'), { scadenza: giorno(30) }));
    expect(iscrizione.permessoScadenza).toBe(giorno(30));
    await api.request('udp', 'PUT', `/api/v1/assistenti-familiari/iscrizioni/${iscrizione.id}/consenso`, {
      campi: ['competenze', 'lingue'],
      documento: 'CONS-E2E-2',
    });
    expect((await pubblico('?lingua=uk')).elementi.map((v) => v.id)).toEqual([iscrizione.id]);
    const riverifica = await api.request<EsitoRiverificaV1>(
      'udp',
      'POST',
      '/api/v1/assistenti-familiari/riverifiche',
      {
        giorno: giorno(31),
      },
    );
    expect(riverifica.status).toBe(200);
    expect(riverifica.body.sospese).toEqual([iscrizione.id]);
    expect((await pubblico('?lingua=uk')).elementi).toEqual([]);
    const sospesa = await api.request<IscrizioneV1>(
      'udp',
      'GET',
      `/api/v1/assistenti-familiari/iscrizioni/${iscrizione.id}`,
      undefined,
      FINALITA,
    );
    expect(sospesa.body).toMatchObject({ stato: 'sospesa', causaSospensione: 'permesso-scaduto' });
  });

  it('asks a purpose for the personal reads, and keeps the registro from users without a sportello', async () => {
    const senzaFinalita = await api.request(
      'udp',
      'GET',
      '/api/v1/assistenti-familiari/iscrizioni',
      undefined,
      {
        'x-finalita': '',
        'x-motivo': '',
      },
    );
    expect({ status: senzaFinalita.status, code: (senzaFinalita.body as { code: string }).code }).toEqual({
      status: 400,
      code: 'FINALITA_MANCANTE',
    });
    expect(senzaFinalita.contentType).toContain(PROBLEM);
    // The Cremasco's front desk hosts no sportello of this ambito.
    const fuori = await api.request(
      'operatore.crema',
      'GET',
      '/api/v1/assistenti-familiari/iscrizioni',
      undefined,
      FINALITA,
    );
    expect({ status: fuori.status, code: (fuori.body as { code: string }).code }).toEqual({
      status: 403,
      code: 'FUORI_AMBITO_TERRITORIALE',
    });
  });
});
