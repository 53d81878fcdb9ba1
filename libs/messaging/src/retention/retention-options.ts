import { DEFAULT_DLQ_STREAM_MAX_AGE_MS, DEFAULT_EVENT_STREAM_MAX_AGE_MS } from '../jetstream/streams';

const HOUR_MS = 60 * 60 * 1000;

/** How long the backbone keeps what it carries (every value in milliseconds). */
export interface RetentionOptions {
  /** `max_age` of the service's event stream `EVT_<SERVICE>`. */
  eventStreamMaxAgeMs: number;
  /** `max_age` of the service's dead-letter stream `DLQ_<SERVICE>`. */
  deadLetterStreamMaxAgeMs: number;
  /** Published outbox rows are deleted after this (the stream has the event; the row only helps debugging). */
  outboxRetentionMs: number;
  /** How often the purge job runs. */
  purgeIntervalMs: number;
  /** Rows per DELETE: short statements, short locks. */
  purgeBatchSize: number;
}

/**
 * Defaults: streams 30 and 90 days (see streams.ts), published outbox rows 7 days (a week to look at
 * what was published when something goes wrong, then the stream's copy is the only one), purge hourly.
 */
export const DEFAULT_RETENTION: RetentionOptions = {
  eventStreamMaxAgeMs: DEFAULT_EVENT_STREAM_MAX_AGE_MS,
  deadLetterStreamMaxAgeMs: DEFAULT_DLQ_STREAM_MAX_AGE_MS,
  outboxRetentionMs: 7 * 24 * HOUR_MS,
  purgeIntervalMs: HOUR_MS,
  purgeBatchSize: 1000,
};

/**
 * An inbox row only has to outlive every copy of its event that could still arrive: a redelivery
 * from the producer's stream (its max age) or an operator's replay from the dead-letter stream (its
 * max age). Producers may keep their streams for other ages than ours: the longer of ours is used, and
 * the docs ask for consistent values across services.
 */
export function inboxRetentionMs(retention: RetentionOptions): number {
  const ages = [retention.eventStreamMaxAgeMs, retention.deadLetterStreamMaxAgeMs];
  // 0 means a stream that keeps everything: then an inbox row may be needed for ever.
  return ages.includes(0) ? 0 : Math.max(...ages);
}
