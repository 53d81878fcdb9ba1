import { AckPolicy, DeliverPolicy, type ConsumerMessages, type NatsConnection } from 'nats';
import type {
  AccessoChiusoV2,
  AccessoV1,
  EventEnvelope,
  PaginaV1,
  PersonaV1,
  TerritorioV1,
  VoceAuditV1,
} from '@ambito/contracts';
import { connectTestNats, eventually } from '@ambito/testing';
import { Api, startPlatform, type Platform } from './platform';

const PROBLEM = 'application/problem+json';

function subject(token: string): string {
  return (JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { sub: string }).sub;
}

describe('segretariato sociale, end to end: HTTP → gateway → NATS → accesso → PostgreSQL → JetStream', () => {
  let platform: Platform;
  let api: Api;
  let nc: NatsConnection;
  let messages: ConsumerMessages;
  const chiusi: Array<EventEnvelope<string, AccessoChiusoV2>> = [];
  let sedeCrema: string;
  let comuneCrema: string;

  beforeAll(async () => {
    platform = await startPlatform();
    api = new Api(platform.gateway);
    nc = await connectTestNats();
    const jsm = await nc.jetstreamManager();
    await jsm.consumers.add('EVT_ACCESSO', {
      durable_name: 'e2e-presa-in-carico',
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subject: 'evt.accesso.accesso.chiuso.v2',
    });
    messages = await (await nc.jetstream().consumers.get('EVT_ACCESSO', 'e2e-presa-in-carico')).consume();
    void (async () => {
      for await (const m of messages) {
        chiusi.push(m.json());
        m.ack();
      }
    })();
    const { body: territorio } = await api.request<TerritorioV1>(
      'operatore.crema',
      'GET',
      '/api/v1/territorio',
    );
    sedeCrema = territorio.sedi.find((s) => s.subAmbito === 'SA-CREMA' && s.tipo === 'hub')!.codice;
    comuneCrema = territorio.comuni.find((c) => c.subAmbito === 'SA-CREMA')!.istat;
  });

  afterAll(async () => {
    await messages?.close();
    await nc?.close();
    await platform?.stop();
  });

  const persona = (codiceFiscale: string, cognome: string) => ({
    codiceFiscale,
    cognome,
    nome: 'Giovanna',
    dataNascita: '1950-01-01',
    luogoNascita: 'D142',
    sesso: 'F',
    cittadinanza: 'IT',
    comuneResidenza: comuneCrema,
  });

  const accesso = (personaId: string, sede = sedeCrema) => ({
    personaId,
    sede,
    canale: 'sportello',
    presentatoDa: 'interessato',
    areaBisogno: 'anziani',
    richiesta: 'Chiede aiuto per l’igiene personale e la spesa.',
  });

  async function registraPersona(codiceFiscale: string, cognome: string): Promise<PersonaV1> {
    const response = await api.request<PersonaV1>(
      'operatore.crema',
      'POST',
      '/api/v1/persone',
      persona(codiceFiscale, cognome),
    );
    expect(response.status).toBe(201);
    return response.body;
  }

  async function totaleAccessi(user = 'operatore.crema'): Promise<number> {
    return (await api.request<PaginaV1<AccessoV1>>(user, 'GET', '/api/v1/accessi?perPagina=1')).body.totale;
  }

  it('goes from first contact to a proposta di presa in carico, published as an event with actor and correlation', async () => {
    const registrata = await api.request<PersonaV1>(
      'operatore.crema',
      'POST',
      '/api/v1/persone',
      persona('VRDGNN50A41D142Z', 'Verdi'),
    );
    expect(registrata.status).toBe(201);
    expect(registrata.headers.get('location')).toContain(`/api/v1/persone/${registrata.body.id}`);
    expect(registrata.body.codiceFiscale).toBe('VRDGNN50A41D142Z');

    const aperto = await api.request<AccessoV1>(
      'operatore.crema',
      'POST',
      '/api/v1/accessi',
      accesso(registrata.body.id),
    );
    expect(aperto.status).toBe(201);
    expect(aperto.body.stato).toBe('aperto');
    expect(aperto.body.subAmbito).toBe('SA-CREMA');

    const chiuso = await api.request<AccessoV1>(
      'operatore.crema',
      'POST',
      `/api/v1/accessi/${aperto.body.id}/esito`,
      { tipo: 'proposta-presa-in-carico', motivazione: 'Perdita di autonomia', urgenza: 'prioritaria' },
      { 'x-correlation-id': 'e2e-correlazione-1' },
    );
    expect(chiuso.status).toBe(200);
    expect(chiuso.headers.get('x-correlation-id')).toBe('e2e-correlazione-1');
    expect(chiuso.body).toMatchObject({
      stato: 'chiuso',
      esito: { tipo: 'proposta-presa-in-carico', urgenza: 'prioritaria' },
    });

    const letto = await api.request<AccessoV1>(
      'coordinatore.crema',
      'GET',
      `/api/v1/accessi/${aperto.body.id}`,
    );
    expect(letto.body.stato).toBe('chiuso');

    const proposte = await api.request<PaginaV1<AccessoV1>>(
      'operatore.crema',
      'GET',
      '/api/v1/accessi?esito=proposta-presa-in-carico',
    );
    expect(proposte.body.elementi.map((a) => a.id)).toContain(aperto.body.id);

    const oggi = new Date().toISOString().slice(0, 10);
    const anno = `dal=${oggi.slice(0, 4)}-01-01&al=${oggi.slice(0, 4)}-12-31`;
    type Contatori = {
      righe: Array<{ areaBisogno: string; comune: string; totale: number }>;
      celleOmesse: number;
      sogliaPersone: number | null;
    };
    // The coordinator sees its own sub-ambito in full, however small the cells.
    const contatori = await api.request<Contatori>(
      'coordinatore.crema',
      'GET',
      `/api/v1/statistiche/accessi?${anno}&granularita=mese`,
    );
    expect(contatori.status).toBe(200);
    expect(contatori.body.righe).toEqual(
      expect.arrayContaining([expect.objectContaining({ areaBisogno: 'anziani', comune: comuneCrema })]),
    );
    // The Ufficio di Piano (aggregates only) gets no daily series and no cell of a single person.
    const giornalieri = await api.request(
      'udp',
      'GET',
      `/api/v1/statistiche/accessi?${anno}&granularita=giorno`,
    );
    expect(giornalieri.status).toBe(403);
    expect(giornalieri.body).toMatchObject({ code: 'DETTAGLIO_STATISTICO_NON_CONSENTITO' });
    const mensili = await api.request<Contatori>(
      'udp',
      'GET',
      `/api/v1/statistiche/accessi?${anno}&granularita=mese`,
    );
    expect(mensili.status).toBe(200);
    expect(mensili.body.sogliaPersone).toBe(5);
    expect(mensili.body.righe).not.toEqual(
      expect.arrayContaining([
        expect.objectContaining({ areaBisogno: 'anziani', comune: comuneCrema, totale: 1 }),
      ]),
    );

    const event = await eventually(
      () => {
        const found = chiusi.find((e) => e.payload.accessoId === aperto.body.id);
        expect(found).toBeDefined();
        return found!;
      },
      { timeoutMs: 10000 },
    );
    expect(event.type).toBe('accesso.accesso.chiuso');
    expect(event.correlationId).toBe('e2e-correlazione-1');
    expect(event.actor.userId).toBe(subject(await api.token('operatore.crema')));
    expect(event.payload.esito.tipo).toBe('proposta-presa-in-carico');
    // Read from the stream as any subscriber would: ids and the esito kind, nothing personal.
    const testo = JSON.stringify(event);
    for (const personale of ['VRDGNN50A41D142Z', 'Verdi', 'Giovanna', 'Chiede aiuto'])
      expect(testo).not.toContain(personale);
  });

  it('answers invalid input with problem+json and a stable code, and writes nothing', async () => {
    const cfSbagliato = await api.request(
      'operatore.crema',
      'POST',
      '/api/v1/persone',
      persona('VRDGNN50A41D142A', 'Sbagliato'),
    );
    expect(cfSbagliato.status).toBe(422);
    expect(cfSbagliato.contentType).toContain(PROBLEM);
    expect(cfSbagliato.body).toMatchObject({ code: 'CODICE_FISCALE_NON_VALIDO', status: 422 });
    const cercata = await api.request<PaginaV1<PersonaV1>>(
      'operatore.crema',
      'GET',
      '/api/v1/persone?cognome=Sbagliato',
    );
    expect(cercata.body.totale).toBe(0);

    const senzaCampi = await api.request<{ code: string; errori: Array<{ campo: string }> }>(
      'operatore.crema',
      'POST',
      '/api/v1/persone',
      {
        codiceFiscale: 'NRENNA44E50D142P',
      },
    );
    expect(senzaCampi.status).toBe(400);
    expect(senzaCampi.contentType).toContain(PROBLEM);
    expect(senzaCampi.body.code).toBe('VALIDAZIONE_FALLITA');
    expect(senzaCampi.body.errori.map((e) => e.campo)).toEqual(
      expect.arrayContaining(['cognome', 'nome', 'dataNascita']),
    );

    const p = await registraPersona('NRENNA44E50D142P', 'Neri');
    const prima = await totaleAccessi();
    const tipoSbagliato = await api.request('operatore.crema', 'POST', '/api/v1/accessi', {
      ...accesso(p.id),
      richiesta: 42,
    });
    expect(tipoSbagliato.status).toBe(400);
    const sedeIgnota = await api.request(
      'operatore.crema',
      'POST',
      '/api/v1/accessi',
      accesso(p.id, 'SEDE-INESISTENTE'),
    );
    expect(sedeIgnota.status).toBe(422);
    expect(sedeIgnota.body).toMatchObject({ code: 'SEDE_SCONOSCIUTA' });
    const jsonRotto = await api.request('operatore.crema', 'POST', '/api/v1/accessi', '{"personaId":');
    expect(jsonRotto.status).toBe(400);
    expect(jsonRotto.contentType).toContain(PROBLEM);
    expect(await totaleAccessi()).toBe(prima);

    const creato = await api.request<AccessoV1>('operatore.crema', 'POST', '/api/v1/accessi', accesso(p.id));
    const chiudi = () =>
      api.request('operatore.crema', 'POST', `/api/v1/accessi/${creato.body.id}/esito`, {
        tipo: 'informazione-orientamento',
      });
    expect((await chiudi()).status).toBe(200);
    const ancora = await chiudi();
    expect(ancora.status).toBe(409);
    expect(ancora.body).toMatchObject({ code: 'ACCESSO_GIA_CHIUSO' });
    const modifica = await api.request('operatore.crema', 'PATCH', `/api/v1/accessi/${creato.body.id}`, {
      richiesta: 'riscritta',
    });
    expect(modifica.status).toBe(409);
    expect(modifica.contentType).toContain(PROBLEM);
    const dopo = await api.request<AccessoV1>('operatore.crema', 'GET', `/api/v1/accessi/${creato.body.id}`);
    expect(dopo.body.richiesta).toBe(accesso(p.id).richiesta);
    expect(dopo.body.esito?.tipo).toBe('informazione-orientamento');

    const annotato = await api.request<AccessoV1>(
      'operatore.crema',
      'POST',
      `/api/v1/accessi/${creato.body.id}/annotazioni`,
      {
        testo: 'Richiamata: ha ricevuto il modulo.',
      },
    );
    expect(annotato.status).toBe(201);
    expect(annotato.body.annotazioni.map((a) => a.testo)).toContain('Richiamata: ha ricevuto il modulo.');
  });

  it('keeps an operator inside the sub-ambito and leaves an audit trace of the refusal', async () => {
    const p = await registraPersona('BRNLCU88M12D142G', 'Bruni');
    const creato = await api.request<AccessoV1>('operatore.crema', 'POST', '/api/v1/accessi', accesso(p.id));
    expect(creato.status).toBe(201);

    const letto = await api.request('operatore.soncino', 'GET', `/api/v1/accessi/${creato.body.id}`);
    expect([403, 404]).toContain(letto.status);
    expect(letto.contentType).toContain(PROBLEM);
    const scritto = await api.request('operatore.soncino', 'POST', '/api/v1/accessi', accesso(p.id));
    expect(scritto.status).toBe(403);
    expect(scritto.body).toMatchObject({ code: 'FUORI_AMBITO_TERRITORIALE' });
    const elenco = await api.request<PaginaV1<AccessoV1>>(
      'operatore.soncino',
      'GET',
      `/api/v1/accessi?personaId=${p.id}`,
    );
    expect(elenco.body.totale ?? 0).toBe(0);

    expect((await api.request('udp', 'GET', `/api/v1/accessi/${creato.body.id}`)).status).toBe(403);
    expect((await api.request(null, 'GET', `/api/v1/accessi/${creato.body.id}`)).status).toBe(401);

    const soncino = subject(await api.token('operatore.soncino'));
    const audit = await api.request<PaginaV1<VoceAuditV1>>(
      'admin',
      'GET',
      `/api/v1/audit?utente=${soncino}&esito=negato`,
    );
    expect(audit.status).toBe(200);
    expect(audit.body.elementi.length).toBeGreaterThanOrEqual(2);
    expect(audit.body.elementi.every((v) => v.esito === 'negato' && v.utente === soncino)).toBe(true);
    expect(audit.body.elementi.map((v) => v.personaId)).toContain(p.id);
  });
});
