import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { AccessoV1, PersonaV1, TerritorioV1 } from '@ambito/contracts';
import { checkChar } from '@ambito/kernel';
import { startNatsServer, type NatsHandle } from '@ambito/testing';
import { Api, startPlatform, type Platform } from './platform';

const PROBLEM = 'application/problem+json';
const TIMEOUT_MS = 1500;
const pausa = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Issue 14, "a 503 that wrote anyway": with NATS paused, POST /accessi timed out, the request was
 * delivered when NATS resumed and written, and the operator's retry wrote a second accesso (a second
 * persona got 409). Now the gateway's deadline travels with the request (the late delivery is refused),
 * a timeout on a write is 504 ESITO_NON_DETERMINATO, and the retry with the same Idempotency-Key is
 * safe: exactly one record. Real processes (dist/), a real nats-server frozen with SIGSTOP, PostgreSQL.
 */
describe('NATS paused during a POST, then a retry with the same Idempotency-Key', () => {
  let nats: NatsHandle;
  let platform: Platform;
  let api: Api;
  let db: Client;
  let sede: string;
  let comune: string;

  beforeAll(async () => {
    nats = await startNatsServer();
    platform = await startPlatform({
      natsUrl: nats.url,
      services: ['accesso'],
      gatewayEnv: { RPC_TIMEOUT_MS: String(TIMEOUT_MS) },
    });
    api = new Api(platform.gateway);
    db = new Client({ connectionString: platform.databaseUrl, options: '-c search_path=accesso' });
    await db.connect();
    await api.token('operatore.crema'); // the token endpoint needs no NATS, but take it before the pause
    const { body: territorio } = await api.request<TerritorioV1>(
      'operatore.crema',
      'GET',
      '/api/v1/territorio',
    );
    sede = territorio.sedi.find((s) => s.subAmbito === 'SA-CREMA' && s.tipo === 'hub')!.codice;
    comune = territorio.comuni.find((c) => c.subAmbito === 'SA-CREMA')!.istat;
  }, 120_000);

  afterAll(async () => {
    nats?.resume();
    await db?.end();
    await platform?.stop();
    await nats?.destroy();
  });

  const codiceFiscale = (prefisso: string) => {
    const first15 = `${prefisso}50A41D142`;
    return first15 + checkChar(first15);
  };
  const persona = (cf: string) => ({
    codiceFiscale: cf,
    cognome: 'Verdi',
    nome: 'Giovanna',
    dataNascita: '1950-01-01',
    luogoNascita: 'D142',
    sesso: 'F',
    cittadinanza: 'IT',
    comuneResidenza: comune,
  });
  const accesso = (personaId: string) => ({
    personaId,
    sede,
    canale: 'sportello',
    presentatoDa: 'interessato',
    areaBisogno: 'anziani',
    richiesta: 'Chiede aiuto per la spesa.',
  });

  /** The POST while nats-server is frozen: the gateway stops waiting and says the outcome is unknown. */
  async function postConNatsInPausa(percorso: string, body: unknown, key: string) {
    nats.pause();
    try {
      const response = await api.request('operatore.crema', 'POST', percorso, body, {
        'Idempotency-Key': key,
      });
      expect(response.status).toBe(504);
      expect(response.contentType).toContain(PROBLEM);
      expect(response.body).toMatchObject({ code: 'ESITO_NON_DETERMINATO', status: 504 });
    } finally {
      nats.resume();
    }
    // NATS now delivers the late request; the service must refuse it (its deadline has passed).
    await pausa(1000);
  }

  it('writes exactly one accesso', async () => {
    const registrata = await api.request<PersonaV1>(
      'operatore.crema',
      'POST',
      '/api/v1/persone',
      persona(codiceFiscale('RSSMRA')),
    );
    expect(registrata.status).toBe(201);
    const personaId = registrata.body.id;
    const contaAccessi = async () =>
      Number(
        (await db.query('SELECT count(*) AS n FROM accesso WHERE persona_id = $1', [personaId])).rows[0].n,
      );
    const key = randomUUID();

    await postConNatsInPausa('/api/v1/accessi', accesso(personaId), key);
    expect(await contaAccessi()).toBe(0); // the late delivery was refused: the 504 wrote nothing

    const ripetuta = await api.request<AccessoV1>(
      'operatore.crema',
      'POST',
      '/api/v1/accessi',
      accesso(personaId),
      {
        'Idempotency-Key': key,
      },
    );
    expect(ripetuta.status).toBe(201);
    const ancora = await api.request<AccessoV1>(
      'operatore.crema',
      'POST',
      '/api/v1/accessi',
      accesso(personaId),
      {
        'Idempotency-Key': key,
      },
    );
    expect(ancora.status).toBe(201);
    expect(ancora.body).toEqual(ripetuta.body);
    expect(ancora.headers.get('location')).toBe(ripetuta.headers.get('location'));

    const altroCorpo = await api.request(
      'operatore.crema',
      'POST',
      '/api/v1/accessi',
      { ...accesso(personaId), richiesta: 'Un’altra richiesta.' },
      { 'Idempotency-Key': key },
    );
    expect(altroCorpo.status).toBe(422);
    expect(altroCorpo.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_RIUSATA' });

    await pausa(500);
    expect(await contaAccessi()).toBe(1);
  });

  it('writes exactly one persona, and the retry gets 201, not 409', async () => {
    const cf = codiceFiscale('BNCLRA');
    const contaPersone = async () =>
      Number((await db.query('SELECT count(*) AS n FROM persona WHERE codice_fiscale = $1', [cf])).rows[0].n);
    const key = randomUUID();

    await postConNatsInPausa('/api/v1/persone', persona(cf), key);
    expect(await contaPersone()).toBe(0);

    const ripetuta = await api.request<PersonaV1>('operatore.crema', 'POST', '/api/v1/persone', persona(cf), {
      'Idempotency-Key': key,
    });
    expect(ripetuta.status).toBe(201);
    const ancora = await api.request<PersonaV1>('operatore.crema', 'POST', '/api/v1/persone', persona(cf), {
      'Idempotency-Key': key,
    });
    expect(ancora.status).toBe(201);
    expect(ancora.body).toEqual(ripetuta.body);
    expect(await contaPersone()).toBe(1);
  });

  it('ten concurrent POSTs with one key write one accesso and answer alike', async () => {
    const registrata = await api.request<PersonaV1>(
      'operatore.crema',
      'POST',
      '/api/v1/persone',
      persona(codiceFiscale('GLLPLA')),
    );
    const personaId = registrata.body.id;
    const key = randomUUID();
    const risposte = await Promise.all(
      Array.from({ length: 10 }, () =>
        api.request<AccessoV1>('operatore.crema', 'POST', '/api/v1/accessi', accesso(personaId), {
          'Idempotency-Key': key,
        }),
      ),
    );
    const creati = risposte.filter((r) => r.status === 201);
    expect(creati.length).toBeGreaterThan(0);
    for (const r of creati) expect(r.body.id).toBe(creati[0].body.id);
    for (const r of risposte.filter((r) => r.status !== 201)) {
      expect(r).toMatchObject({ status: 409, body: { code: 'IDEMPOTENCY_KEY_IN_USO' } });
    }
    const { rows } = await db.query('SELECT count(*) AS n FROM accesso WHERE persona_id = $1', [personaId]);
    expect(Number(rows[0].n)).toBe(1);
  });
});
