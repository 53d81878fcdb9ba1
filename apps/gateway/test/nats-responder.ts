import type { Msg, NatsConnection } from 'nats';
import { subjectOf, type RpcSubject, type RpcTarget } from '@ambito/contracts';
import { respondError, respondOk } from '@ambito/messaging';

/** A message the fake service received: the payload and the headers of the hop. */
export interface RichiestaRicevuta {
  subject: string;
  data: unknown;
  /** The body as sent: the signed actor is bound to it. */
  raw: Uint8Array;
  headers: Record<string, string>;
}

export type EsitoRisposta =
  { response: unknown } | { err: { code: string; message: string; details?: unknown } };

export interface Responder {
  received: RichiestaRicevuta[];
  stop(): Promise<void>;
}

/** Stands in for a service on one subject, speaking the platform's request/reply wire (libs/messaging). */
export async function respondOn<S extends RpcSubject>(
  nc: NatsConnection,
  target: RpcTarget<S> | string,
  answer: (data: unknown) => EsitoRisposta,
): Promise<Responder> {
  const received: RichiestaRicevuta[] = [];
  const subject = typeof target === 'string' ? target : subjectOf(target);
  const subscription = nc.subscribe(subject, {
    callback: (error, msg: Msg) => {
      if (error) return;
      const data: unknown = msg.json();
      const headers: Record<string, string> = {};
      for (const key of msg.headers?.keys() ?? []) headers[key] = msg.headers!.get(key);
      received.push({ subject: msg.subject, data, raw: msg.data, headers });
      const esito = answer(data);
      if ('err' in esito) respondError(msg, esito.err as never);
      else respondOk(msg, esito.response);
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
