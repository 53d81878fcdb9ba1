import {
  headers as natsHeaders,
  type JetStreamManager,
  type MsgRequest,
  type NatsConnection,
  type StoredMsg,
} from 'nats';
import { DLQ_HEADER, HEADER, replaySubject } from '@ambito/contracts';

/**
 * What the operator's command does with dead letters, over NATS only (no database): list them, show
 * one, replay one or many to the consumer that failed. The services do the rest (see
 * libs/messaging/src/jetstream/event-subscriber.ts): a replay reaches only the durable named in the
 * dead letter, runs its handler (idempotent through the inbox) and, on success, removes the dead letter.
 */

export interface DeadLetter {
  /** `<service>/<seq>`: what `show` and `replay` take. */
  ref: string;
  service: string;
  stream: string;
  seq: number;
  time: Date;
  consumer: string;
  reason: string;
  eventType: string;
  eventId: string;
  error: string;
  /** Where the event came from. */
  originalSubject: string;
  originalStream: string;
  originalSeq: string;
  deliveries: string;
}

export interface Filter {
  /** Only the dead-letter stream of this service. */
  service?: string;
  /** Only the dead letters of this durable consumer. */
  consumer?: string;
}

export type ReplayOutcome = 'riuscita' | 'fallita' | 'in-attesa';

export interface ReplayResult {
  ref: string;
  consumer: string;
  eventId: string;
  outcome: ReplayOutcome;
}

/** The services' dead-letter streams (`DLQ_*`), each with the service name its subjects carry. */
export async function deadLetterStreams(
  jsm: JetStreamManager,
  service?: string,
): Promise<Array<{ stream: string; service: string }>> {
  const found: Array<{ stream: string; service: string }> = [];
  for await (const name of jsm.streams.names()) {
    if (!name.startsWith('DLQ_')) continue;
    const info = await jsm.streams.info(name);
    const subject = info.config.subjects?.find((s) => /^dlq\.[^.]+\.>$/.test(s));
    if (!subject) continue;
    const owner = subject.split('.')[1];
    if (!service || owner === service) found.push({ stream: name, service: owner });
  }
  return found.sort((a, b) => a.service.localeCompare(b.service));
}

function toDeadLetter(service: string, stream: string, m: StoredMsg): DeadLetter {
  const h = (name: string) => (m.header?.has(name) ? m.header.get(name) : '') || '';
  const consumer = h(DLQ_HEADER.consumer) || m.subject.split('.')[2] || '';
  return {
    ref: `${service}/${m.seq}`,
    service,
    stream,
    seq: m.seq,
    time: m.time,
    consumer,
    reason: h(DLQ_HEADER.reason) || 'errore',
    eventType: h(DLQ_HEADER.eventType),
    eventId: h(DLQ_HEADER.eventId),
    error: h(DLQ_HEADER.error),
    originalSubject: h(DLQ_HEADER.subject),
    originalStream: h(DLQ_HEADER.stream),
    originalSeq: h(DLQ_HEADER.streamSequence),
    deliveries: h(DLQ_HEADER.deliveries),
  };
}

/** Dead letters in stream order; replays in flight (`dlq.<service>.<durable>.replay`) are not listed. */
export async function listDeadLetters(nc: NatsConnection, filter: Filter = {}): Promise<DeadLetter[]> {
  const jsm = await nc.jetstreamManager();
  const result: DeadLetter[] = [];
  for (const { stream, service } of await deadLetterStreams(jsm, filter.service)) {
    const subject = filter.consumer ? `dlq.${service}.${filter.consumer}` : `dlq.${service}.*`;
    let seq = (await jsm.streams.info(stream)).state.first_seq;
    for (;;) {
      // The server's "next message at or after seq on a subject" (nats.js types only the direct-get form).
      const next = { seq, next_by_subj: subject } as unknown as MsgRequest;
      const m = await jsm.streams.getMessage(stream, next).catch((error: unknown) => {
        if (isNotFound(error)) return undefined;
        throw error;
      });
      if (!m) break;
      result.push(toDeadLetter(service, stream, m));
      seq = m.seq + 1;
    }
  }
  return result;
}

export class DeadLetterNotFound extends Error {}

/** `<service>/<seq>`, or `<seq>` when there is one dead-letter stream (or `service` says which). */
export async function findDeadLetter(
  nc: NatsConnection,
  ref: string,
  service?: string,
): Promise<{ letter: DeadLetter; message: StoredMsg }> {
  const jsm = await nc.jetstreamManager();
  const match = /^(?:([a-z0-9-]+)\/)?([1-9][0-9]*)$/.exec(ref);
  if (!match)
    throw new DeadLetterNotFound(`riferimento non valido: ${ref} (atteso <servizio>/<seq> o <seq>)`);
  const streams = await deadLetterStreams(jsm, match[1] ?? service);
  if (streams.length === 0)
    throw new DeadLetterNotFound(
      `nessuno stream di dead letter per ${match[1] ?? service ?? 'alcun servizio'}`,
    );
  if (streams.length > 1) {
    throw new DeadLetterNotFound(
      `più servizi hanno dead letter: indicare <servizio>/${match[2]} (${streams.map((s) => s.service).join(', ')})`,
    );
  }
  const [{ stream, service: owner }] = streams;
  const message = await jsm.streams.getMessage(stream, { seq: Number(match[2]) }).catch((error: unknown) => {
    if (isNotFound(error)) return undefined;
    throw error;
  });
  if (!message || !/^dlq\.[^.]+\.[^.]+$/.test(message.subject)) {
    throw new DeadLetterNotFound(`dead letter ${owner}/${match[2]} non trovata (già riproposta o scaduta?)`);
  }
  return { letter: toDeadLetter(owner, stream, message), message };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const OSCURATO = '«oscurato»';

/**
 * The envelope without personal data: the envelope's own fields (ids, type, times, roles) as they
 * are, and in the payload and the actor's name every value except identifiers (UUIDs) replaced.
 */
export function redactEnvelope(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return OSCURATO;
  const envelope = raw as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(envelope)) {
    if (key === 'payload') out[key] = redactValue(value);
    else if (key === 'actor' && value && typeof value === 'object') {
      const actor = value as Record<string, unknown>;
      out[key] = { ...actor, ...('nome' in actor ? { nome: OSCURATO } : {}) };
    } else out[key] = value;
  }
  return out;
}

function redactValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactValue);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactValue(v)]));
  }
  if (value === null || value === undefined) return value;
  return typeof value === 'string' && UUID.test(value) ? value : OSCURATO;
}

/** Headers and envelope of one dead letter; the envelope redacted unless `full`. */
export async function showDeadLetter(
  nc: NatsConnection,
  ref: string,
  options: { full?: boolean; service?: string } = {},
): Promise<{ letter: DeadLetter; headers: Record<string, string>; envelope: unknown }> {
  const { letter, message } = await findDeadLetter(nc, ref, options.service);
  const headers: Record<string, string> = {};
  for (const key of message.header?.keys() ?? []) headers[key] = message.header.get(key);
  let envelope: unknown;
  try {
    envelope = message.json();
  } catch {
    envelope = options.full ? new TextDecoder().decode(message.data) : OSCURATO;
  }
  return { letter, headers, envelope: options.full ? envelope : redactEnvelope(envelope) };
}

/**
 * Sends the dead letter back to the durable that failed (and to no other consumer of the event),
 * then waits for the service to take the replay: `riuscita` when the dead letter is gone, `fallita`
 * when the replay was dropped and the dead letter is still there, `in-attesa` when nothing happened
 * within `waitMs` (the service is not running: the replay stays queued for it).
 */
export async function replayDeadLetter(
  nc: NatsConnection,
  ref: string,
  options: { service?: string; waitMs?: number } = {},
): Promise<ReplayResult> {
  const { letter, message } = await findDeadLetter(nc, ref, options.service);
  const replaySeq = await sendReplay(nc, letter, message);
  const [outcome] = await awaitOutcomes(nc, [{ letter, replaySeq }], options.waitMs ?? 60_000);
  return outcome;
}

/** Every dead letter that matches the filter, replayed; waits for all of them together. */
export async function replayAll(
  nc: NatsConnection,
  filter: Filter = {},
  options: { waitMs?: number } = {},
): Promise<ReplayResult[]> {
  const letters = await listDeadLetters(nc, filter);
  const jsm = await nc.jetstreamManager();
  const sent: Array<{ letter: DeadLetter; replaySeq: number }> = [];
  for (const letter of letters) {
    const message = await jsm.streams.getMessage(letter.stream, { seq: letter.seq });
    sent.push({ letter, replaySeq: await sendReplay(nc, letter, message) });
  }
  return awaitOutcomes(nc, sent, options.waitMs ?? 60_000);
}

async function sendReplay(nc: NatsConnection, letter: DeadLetter, message: StoredMsg): Promise<number> {
  const h = natsHeaders();
  h.set(DLQ_HEADER.replayOf, String(letter.seq));
  for (const name of [DLQ_HEADER.eventId, DLQ_HEADER.eventType, DLQ_HEADER.subject, HEADER.correlationId]) {
    if (message.header?.has(name)) h.set(name, message.header.get(name));
  }
  const ack = await nc.jetstream().publish(replaySubject(letter.service, letter.consumer), message.data, {
    headers: h,
    expect: { streamName: letter.stream },
  });
  return ack.seq;
}

async function awaitOutcomes(
  nc: NatsConnection,
  sent: Array<{ letter: DeadLetter; replaySeq: number }>,
  waitMs: number,
): Promise<ReplayResult[]> {
  const jsm = await nc.jetstreamManager();
  const exists = async (stream: string, seq: number) =>
    jsm.streams.getMessage(stream, { seq }).then(
      () => true,
      (error: unknown) => {
        if (isNotFound(error)) return false;
        throw error;
      },
    );
  const results = new Map<number, ReplayResult>();
  const deadline = Date.now() + waitMs;
  for (;;) {
    for (const { letter, replaySeq } of sent) {
      if (results.has(replaySeq) || (await exists(letter.stream, replaySeq))) continue;
      const outcome: ReplayOutcome = (await exists(letter.stream, letter.seq)) ? 'fallita' : 'riuscita';
      results.set(replaySeq, {
        ref: letter.ref,
        consumer: letter.consumer,
        eventId: letter.eventId,
        outcome,
      });
    }
    if (results.size === sent.length || Date.now() >= deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return sent.map(
    ({ letter, replaySeq }) =>
      results.get(replaySeq) ?? {
        ref: letter.ref,
        consumer: letter.consumer,
        eventId: letter.eventId,
        outcome: 'in-attesa',
      },
  );
}

function isNotFound(error: unknown): boolean {
  const e = error as { code?: string; api_error?: { err_code?: number } };
  return e?.api_error?.err_code === 10037 || e?.code === '404' || /no message found/i.test(String(error));
}
