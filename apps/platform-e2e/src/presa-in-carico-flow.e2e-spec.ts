import type {
  AccessoV1,
  CartellaSintesiV1,
  CartellaV1,
  ConteggiCartelleRispostaV1,
  PaginaV1,
  PersonaV1,
  ProgettoV1,
  TerritorioV1,
  ValutazioneV1,
  VoceDiarioV1,
} from '@ambito/contracts';
import { eventually } from '@ambito/testing';
import { Api, startPlatform, type Platform } from './platform';

const PROBLEM = 'application/problem+json';
const CREMA = '019035';
const CODICE_FISCALE = 'VLNTRS39M55D142U';

describe('presa in carico, end to end: accesso closed with a proposta → approved project', () => {
  let platform: Platform;
  let api: Api;
  let cartella: CartellaSintesiV1;

  beforeAll(async () => {
    platform = await startPlatform();
    api = new Api(platform.gateway);
  });
  afterAll(async () => {
    await platform?.stop();
  });

  /** Expects a refusal as problem+json with the given status and code. */
  async function rifiutata(
    response: Promise<{ status: number; contentType: string; body: unknown }>,
    status: number,
    code: string,
  ): Promise<void> {
    const r = await response;
    expect({ status: r.status, code: (r.body as { code?: string }).code }).toEqual({ status, code });
    expect(r.contentType).toContain(PROBLEM);
  }

  it('lands the proposta of the segretariato sociale in the queue of the sub-ambito of residence', async () => {
    const { body: territorio } = await api.request<TerritorioV1>(
      'operatore.crema',
      'GET',
      '/api/v1/territorio',
    );
    const sede = territorio.sedi.find((s) => s.subAmbito === 'SA-CREMA' && s.tipo === 'hub')!.codice;
    const persona = await api.request<PersonaV1>('operatore.crema', 'POST', '/api/v1/persone', {
      codiceFiscale: CODICE_FISCALE,
      cognome: 'Valentini',
      nome: 'Teresa',
      dataNascita: '1939-08-15',
      luogoNascita: 'D142',
      sesso: 'F',
      cittadinanza: 'IT',
      comuneResidenza: CREMA,
    });
    expect(persona.status).toBe(201);
    const accesso = await api.request<AccessoV1>('operatore.crema', 'POST', '/api/v1/accessi', {
      personaId: persona.body.id,
      sede,
      canale: 'sportello',
      presentatoDa: 'familiare',
      referente: 'Paola Valentini (figlia)',
      areaBisogno: 'anziani',
      richiesta: 'Non riesce più a lavarsi e a fare la spesa da sola.',
    });
    expect(accesso.status).toBe(201);
    const chiuso = await api.request('operatore.crema', 'POST', `/api/v1/accessi/${accesso.body.id}/esito`, {
      tipo: 'proposta-presa-in-carico',
      motivazione: 'Perdita di autonomia, vive sola.',
      urgenza: 'prioritaria',
    });
    expect(chiuso.status).toBe(200);

    cartella = await eventually(
      async () => {
        const coda = await api.request<PaginaV1<CartellaSintesiV1>>(
          'coordinatore.crema',
          'GET',
          '/api/v1/cartelle?stato=in-attesa',
        );
        const trovata = coda.body.elementi.find((c) => c.persona.codiceFiscale === CODICE_FISCALE);
        expect(trovata).toBeDefined();
        return trovata!;
      },
      { timeoutMs: 15_000 },
    );
    expect(cartella).toMatchObject({
      subAmbito: 'SA-CREMA',
      comuneResidenza: CREMA,
      stato: 'in-attesa',
      proposte: [{ origine: 'accesso', accessoId: accesso.body.id, urgenza: 'prioritaria' }],
    });
    // Nobody else sees the queued case: not a case manager, not the Ufficio di Piano.
    await rifiutata(
      api.request('as.crema', 'GET', `/api/v1/cartelle/${cartella.id}`),
      404,
      'CARTELLA_NON_TROVATA',
    );
    await rifiutata(api.request('udp', 'GET', '/api/v1/cartelle'), 403, 'OPERAZIONE_NON_CONSENTITA');
  });

  it('is assigned by the coordinator of the sub-ambito to an assistente sociale of its équipe', async () => {
    const membro = await api.request('coordinatore.crema', 'POST', '/api/v1/equipe', {
      subAmbito: 'SA-CREMA',
      userId: 'as.crema',
      nome: 'Sara Riva',
      professione: 'assistente-sociale',
    });
    expect(membro.status).toBe(201);
    await rifiutata(
      api.request('as.crema', 'POST', `/api/v1/cartelle/${cartella.id}/assegnazione`, {
        caseManagerId: 'as.crema',
      }),
      403,
      'OPERAZIONE_NON_CONSENTITA',
    );
    await rifiutata(
      api.request('coordinatore.crema', 'POST', `/api/v1/cartelle/${cartella.id}/assegnazione`, {
        caseManagerId: 'as.castelleone',
      }),
      422,
      'CASE_MANAGER_NON_VALIDO',
    );
    const assegnata = await api.request<CartellaV1>(
      'coordinatore.crema',
      'POST',
      `/api/v1/cartelle/${cartella.id}/assegnazione`,
      { caseManagerId: 'as.crema' },
    );
    expect(assegnata.status).toBe(200);
    expect(assegnata.body).toMatchObject({
      stato: 'in-carico',
      caseManager: { id: 'as.crema', nome: 'Sara Riva' },
    });
  });

  it('does not let another sub-ambito read or pull the case by its codice fiscale (issue 14)', async () => {
    // Castelleone opens a case for the same person, claiming residence there: forwarded, nothing back.
    const inoltrata = await api.request('as.castelleone', 'POST', '/api/v1/cartelle', {
      persona: {
        codiceFiscale: CODICE_FISCALE,
        cognome: 'Valentini',
        nome: 'Teresa',
        dataNascita: '1939-08-15',
        sesso: 'F',
        comuneResidenza: '019025',
      },
      origine: 'segnalazione-servizio-specialistico',
      inviante: 'CPS di Castelleone',
      motivazione: 'Segnalazione del servizio specialistico.',
      urgenza: 'ordinaria',
    });
    expect(inoltrata.status).toBe(202);
    expect(inoltrata.body).toEqual({ esito: 'inoltrata', cartella: null });
    expect(inoltrata.headers.get('location')).toBeNull();
    const dopo = await api.request<CartellaV1>(
      'coordinatore.crema',
      'GET',
      `/api/v1/cartelle/${cartella.id}`,
    );
    expect(dopo.body).toMatchObject({ subAmbito: 'SA-CREMA', comuneResidenza: CREMA, stato: 'in-carico' });
    expect(dopo.body.proposte.map((p) => p.inviante)).toContain('CPS di Castelleone');
    // A full codice fiscale from another sub-ambito: whether the person exists, nothing else.
    const perCf = await api.request(
      'operatore.soncino',
      'GET',
      `/api/v1/persone?codiceFiscale=${CODICE_FISCALE}`,
    );
    expect(perCf.status).toBe(200);
    expect(perCf.body).toMatchObject({ elementi: [], totale: 0, esisteFuoriAmbito: true });
    // And no read of personal data without a purpose.
    await rifiutata(
      api.request('coordinatore.crema', 'GET', `/api/v1/cartelle/${cartella.id}`, undefined, {
        'x-finalita': '',
        'x-motivo': '',
      }),
      400,
      'FINALITA_MANCANTE',
    );
  });

  it('is assessed by the case manager, the service computing the score', async () => {
    const adl = {
      strumento: 'ADL',
      data: new Date().toISOString().slice(0, 10),
      risposte: {
        'fare-il-bagno': 0,
        vestirsi: 1,
        'uso-servizi': 1,
        spostarsi: 1,
        continenza: 1,
        alimentarsi: 1,
      },
    };
    await rifiutata(
      api.request('as.castelleone', 'POST', `/api/v1/cartelle/${cartella.id}/valutazioni`, adl),
      404,
      'CARTELLA_NON_TROVATA',
    );
    const valutazione = await api.request<ValutazioneV1>(
      'as.crema',
      'POST',
      `/api/v1/cartelle/${cartella.id}/valutazioni`,
      adl,
    );
    expect(valutazione.status).toBe(201);
    expect(valutazione.body).toMatchObject({
      strumento: { codice: 'ADL', versione: 1 },
      punteggio: 5,
      punteggioMax: 6,
    });
  });

  it('gets a project proposed by the équipe and approved only by the responsabile of the comune of residence', async () => {
    const anno = new Date().getFullYear();
    const proposta = {
      dataInizio: `${anno}-01-01`,
      dataFine: `${anno}-12-31`,
      obiettivi: [
        {
          descrizione: 'Igiene personale garantita',
          indicatore: 'Bagni assistiti a settimana',
          risultatoAtteso: 'Due',
        },
      ],
      interventi: [
        {
          codicePrestazione: 'A2.07',
          denominazione: 'Assistenza domiciliare socio-assistenziale',
          erogatore: 'Cooperativa sociale accreditata',
          intensita: { quantita: 4, unita: 'ore-settimana' },
          dal: `${anno}-01-01`,
          al: `${anno}-12-31`,
          costoCentesimi: 457_600,
          fonteFinanziamento: 'fondo-non-autosufficienza',
          imputazione: { fondo: 'FNA-B2', linea: 'PO2020-7.10', annualita: 2019 },
        },
      ],
      verifiche: [{ data: `${anno}-06-30`, oggetto: 'Verifica semestrale' }],
      consensoPersona: true,
    };
    await rifiutata(
      api.request('responsabile.crema', 'POST', `/api/v1/cartelle/${cartella.id}/progetti`, proposta),
      403,
      'OPERAZIONE_NON_CONSENTITA',
    );
    await rifiutata(
      api.request('as.crema', 'POST', `/api/v1/cartelle/${cartella.id}/progetti`, {
        ...proposta,
        verifiche: [{ data: `${anno - 1}-12-01`, oggetto: 'Prima dell’inizio' }],
      }),
      422,
      'DATA_NON_VALIDA',
    );
    const progetto = await api.request<ProgettoV1>(
      'as.crema',
      'POST',
      `/api/v1/cartelle/${cartella.id}/progetti`,
      proposta,
    );
    expect(progetto.status).toBe(201);
    expect(progetto.body).toMatchObject({ versione: 1, stato: 'proposto' });

    const approvazione = `/api/v1/cartelle/progetti/${progetto.body.id}/approvazione`;
    await rifiutata(api.request('as.crema', 'POST', approvazione, {}), 403, 'OPERAZIONE_NON_CONSENTITA');
    await rifiutata(
      api.request('coordinatore.crema', 'POST', approvazione, {}),
      403,
      'OPERAZIONE_NON_CONSENTITA',
    );
    await rifiutata(
      api.request('responsabile.pandino', 'POST', approvazione, {}),
      404,
      'CARTELLA_NON_TROVATA',
    );
    const approvato = await api.request<ProgettoV1>('responsabile.crema', 'POST', approvazione, {
      motivazione: 'Conforme al regolamento comunale.',
    });
    expect(approvato.status).toBe(200);
    expect(approvato.body).toMatchObject({
      stato: 'approvato',
      decisione: { esito: 'approvato', da: 'responsabile.crema' },
    });
    await rifiutata(
      api.request('responsabile.crema', 'POST', approvazione, {}),
      409,
      'TRANSIZIONE_NON_CONSENTITA',
    );
  });

  it('shows the whole story to the Comune and only counts to the Ufficio di Piano', async () => {
    const letta = await api.request<CartellaV1>(
      'responsabile.crema',
      'GET',
      `/api/v1/cartelle/${cartella.id}`,
    );
    expect(letta.status).toBe(200);
    expect(letta.body.progetti.map((p) => p.stato)).toEqual(['approvato']);
    expect(letta.body.valutazioni.map((v) => v.punteggio)).toEqual([5]);
    const diario = await api.request<VoceDiarioV1[]>(
      'as.crema',
      'GET',
      `/api/v1/cartelle/${cartella.id}/diario`,
    );
    expect(diario.body.map((v) => v.tipo)).toEqual([
      'proposta',
      'assegnazione',
      // Castelleone's, forwarded to the équipe that owns the case (issue 14, point 5).
      'proposta',
      'valutazione',
      'progetto-proposto',
      'progetto-approvato',
    ]);
    const conteggi = await api.request<ConteggiCartelleRispostaV1>(
      'coordinatore.crema',
      'GET',
      '/api/v1/statistiche/cartelle',
    );
    expect(conteggi.status).toBe(200);
    expect(conteggi.body.righe).toContainEqual({ subAmbito: 'SA-CREMA', stato: 'in-carico', totale: 1 });
    expect(JSON.stringify(conteggi.body)).not.toContain(CODICE_FISCALE);
    // The Ufficio di Piano sees aggregates only: the cell of one cartella is withheld.
    const aggregati = await api.request<ConteggiCartelleRispostaV1>(
      'udp',
      'GET',
      '/api/v1/statistiche/cartelle',
    );
    expect(aggregati.body.sogliaPersone).toBe(5);
    expect(aggregati.body.righe.every((r) => r.totale >= 5)).toBe(true);
  });

  it('moves the cartella when the registry records a residence in a comune of another sub-ambito', async () => {
    const PANDINO = '019067';
    const persona = await api.request<PersonaV1>('operatore.crema', 'POST', '/api/v1/persone', {
      codiceFiscale: 'BRNLGU45A01D142G',
      cognome: 'Bruni',
      nome: 'Luigi',
      dataNascita: '1945-01-01',
      luogoNascita: 'D142',
      sesso: 'M',
      cittadinanza: 'IT',
      comuneResidenza: CREMA,
    });
    expect(persona.status).toBe(201);
    const aperta = await api.request<CartellaV1>('coordinatore.crema', 'POST', '/api/v1/cartelle', {
      persona: {
        codiceFiscale: 'BRNLGU45A01D142G',
        cognome: 'Bruni',
        nome: 'Luigi',
        dataNascita: '1945-01-01',
        sesso: 'M',
        comuneResidenza: CREMA,
      },
      personaId: persona.body.id,
      origine: 'dimissione-protetta',
      inviante: 'ASST Crema – Medicina generale',
      motivazione: 'Dimissione dopo frattura di femore.',
      urgenza: 'urgente',
    });
    expect(aperta.status).toBe(201);
    const id = aperta.body.id;
    const aggiornata = await api.request('operatore.crema', 'PATCH', `/api/v1/persone/${persona.body.id}`, {
      comuneResidenza: PANDINO,
    });
    expect(aggiornata.status).toBe(200);
    // accesso.persona.residenza-cambiata → presa-in-carico-residenza: Pandino's Comune now has the case.
    const spostata = await eventually(
      async () => {
        const r = await api.request<CartellaV1>('responsabile.pandino', 'GET', `/api/v1/cartelle/${id}`);
        expect(r.status).toBe(200);
        return r.body;
      },
      { timeoutMs: 15_000 },
    );
    expect(spostata).toMatchObject({ subAmbito: 'SA-PANDINO', comuneResidenza: PANDINO, stato: 'in-attesa' });
    await rifiutata(
      api.request('coordinatore.crema', 'GET', `/api/v1/cartelle/${id}`),
      404,
      'CARTELLA_NON_TROVATA',
    );
  });
});
