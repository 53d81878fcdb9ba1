import type { Msg, NatsConnection } from 'nats';

/** A message the fake service received: the validated payload and the headers of the hop. */
export interface RichiestaRicevuta {
  subject: string;
  data: unknown;
  headers: Record<string, string>;
}

export type EsitoRisposta =
  { response: unknown } | { err: { code: string; message: string; details?: unknown } };

export interface Responder {
  received: RichiestaRicevuta[];
  stop(): Promise<void>;
}

/**
 * Stands in for a service on one subject, speaking Nest's NATS wire format: request
 * `{ pattern, data, id }`, reply `{ id, response, isDisposed }` or `{ id, err, isDisposed }`.
 */
export async function respondOn(
  nc: NatsConnection,
  subject: string,
  answer: (data: unknown) => EsitoRisposta,
): Promise<Responder> {
  const received: RichiestaRicevuta[] = [];
  const subscription = nc.subscribe(subject, {
    callback: (error, msg: Msg) => {
      if (error) return;
      const packet = JSON.parse(new TextDecoder().decode(msg.data)) as { id: string; data: unknown };
      const headers: Record<string, string> = {};
      for (const key of msg.headers?.keys() ?? []) headers[key] = msg.headers!.get(key);
      received.push({ subject: msg.subject, data: packet.data, headers });
      msg.respond(JSON.stringify({ id: packet.id, ...answer(packet.data), isDisposed: true }));
    },
  });
  await nc.flush();
  return {
    received,
    stop: async () => {
      subscription.unsubscribe();
      await nc.flush();
    },
  };
}
