import { connect, type ConnectionOptions, type NatsConnection } from 'nats';
import { UTENTE_COLLAUDO, inboxPrefix } from '@ambito/contracts';

/**
 * The test NATS of the global setup requires credentials, like a deployed one. Its users' passwords are
 * in TEST_NATS_CREDENZIALI (JSON, user → password), set by the global setup; with an external
 * TEST_NATS_URL and no TEST_NATS_CREDENZIALI the clients connect anonymously.
 */
export function testNatsPassword(user: string): string | undefined {
  const raw = process.env.TEST_NATS_CREDENZIALI;
  if (!raw) return undefined;
  const password = (JSON.parse(raw) as Record<string, string>)[user];
  if (!password) throw new Error(`TEST_NATS_CREDENZIALI: nessuna password per l'utente NATS ${user}`);
  return password;
}

export function testNatsUrl(): string {
  const url = process.env.TEST_NATS_URL;
  if (!url) {
    throw new Error(
      'TEST_NATS_URL assente: i test di integrazione richiedono il global setup di libs/testing',
    );
  }
  return url;
}

/** NATS_URL, NATS_USER and NATS_PASSWORD of a user, for a service's configuration or process env. */
export function testNatsEnv(user: string): Record<string, string> {
  const password = testNatsPassword(user);
  return password
    ? { NATS_URL: testNatsUrl(), NATS_USER: user, NATS_PASSWORD: password }
    : { NATS_URL: testNatsUrl() };
}

/** Client options of a user on the test NATS: its credentials and its own inbox prefix. */
export function testNatsOptions(user: string = UTENTE_COLLAUDO): ConnectionOptions {
  const password = testNatsPassword(user);
  return password
    ? { servers: testNatsUrl(), user, pass: password, inboxPrefix: inboxPrefix(user) }
    : { servers: testNatsUrl() };
}

/**
 * A connection to the test NATS as `user`; by default `collaudo`, the test harness's unrestricted
 * user (publishing a producer's events, reading any stream). Use `gateway` to send requests exactly
 * as the gateway does.
 */
export function connectTestNats(
  user: string = UTENTE_COLLAUDO,
  options: Partial<ConnectionOptions> = {},
): Promise<NatsConnection> {
  return connect({ ...testNatsOptions(user), ...options });
}
