import type { NatsConnection } from 'nats';
import { MISURE_RPC, type VersioneRegoleMisuraV1 } from '@ambito/contracts';
import { connectTestNats } from '@ambito/testing';
import { respondOn, type Responder } from '../../test/nats-responder';
import { startTestGateway, type TestGateway } from '../../test/gateway-harness';

const ORIGINE = '5b0c3e1d-2a4f-4b6c-8d7e-9f0a1b2c3d4e';
const BOZZA = '6c1d4f2e-3b5a-4c7d-9e8f-0a1b2c3d4e5f';

/** A reply as the service gives it; the gateway forwards it untouched. */
const bozza = {
  id: BOZZA,
  misura: 'b2',
  annualita: 2026,
  versione: 1,
  stato: 'bozza',
} as unknown as VersioneRegoleMisuraV1;

describe('gateway → misure, rule sets (REST /api/v1/misure/regole, a responder standing in for misure)', () => {
  let gateway: TestGateway;
  let nc: NatsConnection;
  const responders: Responder[] = [];

  beforeAll(async () => {
    gateway = await startTestGateway();
    nc = await connectTestNats();
  });
  afterEach(async () => {
    await Promise.all(responders.splice(0).map((r) => r.stop()));
  });
  afterAll(async () => {
    await nc?.drain();
    await gateway?.close();
  });

  async function responder(...args: Parameters<typeof respondOn> extends [unknown, ...infer R] ? R : never) {
    const r = await respondOn(nc, ...args);
    responders.push(r);
    return r;
  }
  const auth = async (user: string) => `Bearer ${await gateway.token(user)}`;

  it('copies into a bozza: the path id joins the body, 201 with the bozza’s Location', async () => {
    const copia = await responder(MISURE_RPC.copiaRegole, () => ({ response: bozza }));
    const corpo = {
      annualita: 2026,
      validoDal: '2026-01-01',
      validoAl: '2026-12-31',
      atti: [{ tipo: 'dgr', numero: 'XII/5000', data: '2025-12-22' }],
    };
    const response = await gateway.http
      .post(`/api/v1/misure/regole/${ORIGINE}/copia`)
      .set('Authorization', await auth('udp'))
      .send(corpo);
    expect(response.status).toBe(201);
    expect(response.headers.location).toBe(`/api/v1/misure/regole/${BOZZA}`);
    expect(copia.received[0].data).toEqual({ id: ORIGINE, ...corpo });
  });

  it('converts the list’s query and does not take regole-in-vigore for an id', async () => {
    const elenca = await responder(MISURE_RPC.elencaRegole, () => ({ response: [] }));
    const inVigore = await responder(MISURE_RPC.leggiRegoleInVigore, () => ({ response: bozza }));
    const operatore = await auth('operatore.crema');
    await gateway.http
      .get('/api/v1/misure/regole?misura=b2&annualita=2025')
      .set('Authorization', operatore)
      .expect(200);
    await gateway.http
      .get('/api/v1/misure/regole-in-vigore?misura=b2&giorno=2025-06-15')
      .set('Authorization', operatore)
      .expect(200);
    expect(elenca.received[0].data).toEqual({ misura: 'b2', annualita: 2025 });
    expect(inVigore.received[0].data).toEqual({ misura: 'b2', giorno: '2025-06-15' });
  });

  it('answers an overlapping activation 409 REGOLE_SOVRAPPOSTE as problem+json', async () => {
    await responder(MISURE_RPC.attivaRegole, () => ({
      err: { code: 'REGOLE_SOVRAPPOSTE', message: 'La bozza si sovrappone alla versione 1 del 2025.' },
    }));
    const response = await gateway.http
      .post(`/api/v1/misure/regole/${BOZZA}/attivazione`)
      .set('Authorization', await auth('udp'))
      .send({});
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ code: 'REGOLE_SOVRAPPOSTE', status: 409 });
  });

  it('refuses copy and activation to anyone but the Ufficio di Piano before the bus', async () => {
    const copia = await responder(MISURE_RPC.copiaRegole, () => ({ response: bozza }));
    const attiva = await responder(MISURE_RPC.attivaRegole, () => ({ response: bozza }));
    for (const user of ['operatore.crema', 'admin']) {
      const post = await gateway.http
        .post(`/api/v1/misure/regole/${BOZZA}/attivazione`)
        .set('Authorization', await auth(user))
        .send({});
      expect(post.status).toBe(403);
    }
    await gateway.http
      .post(`/api/v1/misure/regole/${ORIGINE}/copia`)
      .set('Authorization', await auth('operatore.crema'))
      .send({ annualita: 2026, validoDal: '2026-01-01', validoAl: null, atti: [] })
      .expect(403);
    expect(copia.received).toEqual([]);
    expect(attiva.received).toEqual([]);
  });
});
