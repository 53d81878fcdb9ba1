import type { RetentionOptions } from '@ambito/messaging';
import type { DataServiceConfig } from './service-config';

const UNITS_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** `30d`, `12h`, `15m`, `45s`, `500ms`, or `0` (for a stream age: keep for ever). */
export const DURATA = /^(0|[1-9][0-9]{0,8}(ms|s|m|h|d))$/;
export const DURATA_MESSAGGIO = 'una durata come 30d, 12h, 15m, 45s o 500ms (0 = senza limite)';

/** Milliseconds of a duration checked against DURATA. */
export function durataMs(value: string): number {
  if (value === '0') return 0;
  const match = /^([0-9]+)(ms|s|m|h|d)$/.exec(value);
  if (!match) throw new Error(`durata non valida: ${value} (${DURATA_MESSAGGIO})`);
  return Number(match[1]) * UNITS_MS[match[2] as keyof typeof UNITS_MS];
}

/** The retention settings of the environment, for MessagingModule.forRoot({ retention }). */
export function retentionOptions(config: DataServiceConfig): RetentionOptions {
  return {
    eventStreamMaxAgeMs: durataMs(config.EVENT_STREAM_MAX_AGE),
    deadLetterStreamMaxAgeMs: durataMs(config.DLQ_STREAM_MAX_AGE),
    outboxRetentionMs: durataMs(config.OUTBOX_RETENTION),
    purgeIntervalMs: Math.max(1000, durataMs(config.PURGE_INTERVAL)),
    purgeBatchSize: config.PURGE_BATCH_SIZE,
  };
}
