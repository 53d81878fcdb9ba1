import { connect, type NatsConnection } from 'nats';

export const NATS_CONNECTION = Symbol('NATS_CONNECTION');

/**
 * The service's own connection for JetStream (publishing the outbox, consuming events). It retries
 * forever: a NATS outage delays events, it never stops the service.
 */
export async function connectNats(url: string, name: string): Promise<NatsConnection> {
  return connect({
    servers: [url],
    name,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 250,
    waitOnFirstConnect: true,
  });
}
