import type {
  CandidaturaV1,
  EsitoRiverificaV1,
  IscrizioneV1,
  PaginaRegistroPubblicoV1,
  PresentaCandidaturaV1,
} from '@ambito/contracts';
import { checkChar } from '@ambito/kernel';
import { Api, startPlatform, type Platform } from './platform';

const PROBLEM = 'application/problem+json';
const FINALITA = { 'x-finalita': 'registro-assistenti-familiari', 'x-motivo': 'registro end-to-end' };
const PUBBLICO = '/api/v1/pubblico/assistenti-familiari';
const CASALMAGGIORE = '019021';

/** Today and days around it, in Europe/Rome as the registro judges permits. */
const giorno = (delta = 0) =>
  new Date(Date.now() + delta * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Rome' });
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

    // Revoked: out of the list at once.
    const revoca = await api.request(
      'udp',
      'DELETE',
      `/api/v1/assistenti-familiari/iscrizioni/${iscrizione.id}/consenso`,
    );
    expect(revoca.status).toBe(200);
    expect((await pubblico()).elementi.map((v) => v.id)).not.toContain(iscrizione.id);
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
