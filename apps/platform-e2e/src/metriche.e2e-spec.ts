import { randomUUID } from 'node:crypto';
import { Api, startPlatform, type Platform } from './platform';

/*
 * Issue 13, point 5 ("Done when"): after a request through the gateway, the `/metrics` of every service
 * shows its per-subject series: the latency histogram of the subject it served and, for an error, the
 * counter by error code. Labels are subjects and codes, never ids.
 */

/** The series of one metric in an exposition text whose labels include all the given ones. */
function serie(testo: string, name: string, labels: Record<string, string>): number | undefined {
  const attese = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const riga of testo.split('\n')) {
    const [, nome, etichette, valore] = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(riga) ?? [];
    if (nome === name && attese.every((a) => (etichette ?? '').split(',').includes(a))) return Number(valore);
  }
  return undefined;
}

describe('metrics of every service after a request through the gateway', () => {
  let platform: Platform;
  let api: Api;
  const metriche = async (app: keyof Platform['servizi']) => {
    const response = await fetch(`${platform.servizi[app]}/metrics`);
    expect(response.status).toBe(200);
    return response.text();
  };

  // Five processes starting on a shared machine.
  beforeAll(async () => {
    platform = await startPlatform();
    api = new Api(platform.gateway);
  }, 240_000);
  afterAll(() => platform?.stop());

  it.each([
    ['accesso', 'operatore.crema', '/api/v1/territorio', 'accesso.territorio.leggi'],
    ['budget', 'udp', '/api/v1/budget/fondi', 'budget.fondo.elenca'],
    ['presa-in-carico', 'coordinatore.crema', '/api/v1/cartelle', 'presa-in-carico.cartella.elenca'],
    ['misure', 'udp', '/api/v1/misure/stato', 'misure.stato.leggi'],
  ] as const)('%s: the latency histogram of the subject it served', async (app, user, path, subject) => {
    expect((await api.request(user, 'GET', path)).status).toBe(200);
    const testo = await metriche(app);
    expect(
      serie(testo, 'ambito_nats_request_duration_seconds_count', { service: app, subject, outcome: 'ok' }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      serie(testo, 'ambito_nats_request_duration_seconds_bucket', { service: app, subject, le: '+Inf' }),
    ).toBeGreaterThanOrEqual(1);
    // The pool of its database, read at the scrape.
    expect(serie(testo, 'ambito_db_pool_connections', { service: app, state: 'max' })).toBeGreaterThan(0);
    expect(testo).toMatch(/^ambito_outbox_pending_messages\{/m);
  });

  it('accesso: an error counted by subject and code, without the id that was asked for', async () => {
    const id = randomUUID();
    expect((await api.request('operatore.crema', 'GET', `/api/v1/persone/${id}`)).status).toBe(404);
    const testo = await metriche('accesso');
    expect(
      serie(testo, 'ambito_nats_request_errors_total', {
        service: 'accesso',
        subject: 'accesso.persona.leggi',
        code: 'PERSONA_NON_TROVATA',
      }),
    ).toBe(1);
    expect(testo).not.toContain(id);
  });

  it('presa-in-carico: the backlog of its durable consumer of accesso’s events', async () => {
    const testo = await metriche('presa-in-carico');
    expect(
      serie(testo, 'ambito_consumer_pending_messages', {
        service: 'presa-in-carico',
        durable: 'presa-in-carico-intake',
      }),
    ).toBe(0);
    expect(
      serie(testo, 'ambito_dead_letter_messages', {
        service: 'presa-in-carico',
        durable: 'presa-in-carico-intake',
      }),
    ).toBe(0);
  });

  it('the gateway: its HTTP routes by template', async () => {
    const testo = await (await fetch(`${platform.gateway}/metrics`)).text();
    expect(testo).toMatch(/ambito_handler_duration_seconds_count\{[^}]*transport="http"/);
  });
});
