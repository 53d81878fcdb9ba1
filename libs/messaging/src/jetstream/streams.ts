import { RetentionPolicy, StorageType, type JetStreamManager, type StreamConfig } from 'nats';

const NS_PER_MS = 1_000_000;

// Stream names are part of the contract (the AsyncAPI document names them): declared in contracts.
export { deadLetterStreamName, eventStreamName } from '@ambito/contracts';

/** Creates or updates a stream with file storage and a de-duplication window for `Nats-Msg-Id`. */
export async function ensureStream(jsm: JetStreamManager, name: string, subjects: string[]): Promise<void> {
  const config: Partial<StreamConfig> = {
    name,
    subjects,
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    duplicate_window: 2 * 60 * 1000 * NS_PER_MS,
    max_age: 0,
  };
  try {
    await jsm.streams.info(name);
    await jsm.streams.update(name, config);
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

function isNotFound(error: unknown): boolean {
  const e = error as { code?: string; api_error?: { err_code?: number } };
  return (
    e?.api_error?.err_code === 10059 ||
    e?.code === '404' ||
    /not found/i.test(String((error as Error)?.message))
  );
}
