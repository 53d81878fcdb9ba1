import { connect, type ConnectionOptions, type NatsConnection } from 'nats';
import { inboxPrefix } from '@ambito/contracts';

export const NATS_CONNECTION = Symbol('NATS_CONNECTION');

/** How this process authenticates to NATS and checks the server. */
export interface NatsAccesso {
  /**
   * Its own NATS user (`NATS_USER`/`NATS_PASSWORD`): the server grants each user only the subjects its
   * declarations need (libs/contracts/src/bus). Absent: anonymous, which a deployed server refuses.
   */
  credenziali?: { user: string; password: string };
  /** CA (PEM file) that signed the server's certificate, for `tls://` URLs with a private CA. */
  tlsCaFile?: string;
}

/** The client options of a connection: credentials, the user's own inbox prefix, TLS. */
export function natsConnectionOptions(
  url: string,
  name: string,
  accesso: NatsAccesso = {},
): ConnectionOptions {
  const options: ConnectionOptions = {
    servers: [url],
    name,
    // Otherwise every request (and JetStream publish) builds an Error up front for the caller's stack,
    // in case it times out: measurable per request in the gateway's profile. Our errors name the
    // subject and the correlation id instead.
    noAsyncTraces: true,
  };
  if (accesso.credenziali) {
    options.user = accesso.credenziali.user;
    options.pass = accesso.credenziali.password;
    // The server lets a user read only its own inbox (`_INBOX_<user>.>`): replies come back there.
    options.inboxPrefix = inboxPrefix(accesso.credenziali.user);
  }
  // nats.js ignores the URL scheme: `tls://` (or a CA) makes TLS required, so a server without it fails.
  if (url.startsWith('tls://') || accesso.tlsCaFile) {
    options.tls = accesso.tlsCaFile ? { caFile: accesso.tlsCaFile } : {};
  }
  return options;
}

/**
 * The service's own connection for JetStream (publishing the outbox, consuming events). It retries
 * forever: a NATS outage delays events, it never stops the service. Wrong credentials are not an
 * outage: the first connection fails at once with the server's authorization error.
 */
export async function connectNats(
  url: string,
  name: string,
  accesso: NatsAccesso = {},
): Promise<NatsConnection> {
  return connect({
    ...natsConnectionOptions(url, name, accesso),
    maxReconnectAttempts: -1,
    reconnectTimeWait: 250,
    waitOnFirstConnect: true,
  });
}
