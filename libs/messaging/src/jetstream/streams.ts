import { RetentionPolicy, StorageType, type JetStreamManager, type StreamConfig } from 'nats';

const NS_PER_MS = 1_000_000;
const DAY_MS = 24 * 60 * 60 * 1000;
const DUPLICATE_WINDOW_MS = 2 * 60 * 1000;

/**
 * How long a stream keeps a message. Events: 30 days, enough for a consumer to be down over a long
 * holiday, or to be rebuilt, and still find what it missed; after that the producer's database is the
 * source of truth and the copy on the bus is personal data kept without a purpose. Dead letters:
 * 90 days, a quarter for an operator to notice the alert, investigate and replay.
 */
export const DEFAULT_EVENT_STREAM_MAX_AGE_MS = 30 * DAY_MS;
export const DEFAULT_DLQ_STREAM_MAX_AGE_MS = 90 * DAY_MS;

// Stream names are part of the contract (the AsyncAPI document names them): declared in contracts.
export { deadLetterStreamName, eventStreamName } from '@ambito/contracts';

export interface EnsureStreamOptions {
  /** Messages older than this are removed by the server; 0 keeps them forever. */
  maxAgeMs: number;
  /**
   * Only create the stream when missing, never change an existing one: a consumer makes sure its
   * producer's stream exists, but the producer's own configuration (its retention) wins.
   */
  createOnly?: boolean;
}

/**
 * Creates the stream, or brings an existing one to this configuration (a new `max_age` applies at the
 * next start): file storage, limits retention, a de-duplication window for `Nats-Msg-Id`.
 */
export async function ensureStream(
  jsm: JetStreamManager,
  name: string,
  subjects: string[],
  options: EnsureStreamOptions = { maxAgeMs: DEFAULT_EVENT_STREAM_MAX_AGE_MS },
): Promise<void> {
  const maxAgeMs = options.maxAgeMs;
  const config: Partial<StreamConfig> = {
    name,
    subjects,
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    // The server refuses a de-duplication window longer than the stream's max age.
    duplicate_window:
      (maxAgeMs > 0 ? Math.min(DUPLICATE_WINDOW_MS, maxAgeMs) : DUPLICATE_WINDOW_MS) * NS_PER_MS,
    max_age: maxAgeMs * NS_PER_MS,
  };
  try {
    await jsm.streams.info(name);
    if (!options.createOnly) await jsm.streams.update(name, config);
  } catch (error) {
    if (!isNotFound(error)) throw error;
    await jsm.streams.add(config);
  }
}

/**
 * Waits for a stream another service owns (a consumer's producer): a consumer's NATS user may read its
 * state, not create it. Logs every 10 s while it waits, e.g. when the producer has not started yet;
 * gives up (without error) when `stopped()` says the subscriber is stopping.
 */
export async function waitForStream(
  jsm: JetStreamManager,
  name: string,
  logger: { warn(obj: object, msg: string): void },
  stopped: () => boolean = () => false,
  retryMs = 500,
): Promise<void> {
  let lastLog = Date.now();
  while (!stopped()) {
    try {
      await jsm.streams.info(name);
      return;
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    if (Date.now() - lastLog >= 10_000) {
      logger.warn({ stream: name }, 'stream del produttore non ancora presente: in attesa');
      lastLog = Date.now();
    }
    await new Promise((resolve) => setTimeout(resolve, retryMs));
  }
}

export function isNotFound(error: unknown): boolean {
  const e = error as { code?: string; api_error?: { err_code?: number } };
  return (
    e?.api_error?.err_code === 10059 ||
    e?.api_error?.err_code === 10037 ||
    e?.code === '404' ||
    /not found/i.test(String((error as Error)?.message))
  );
}
