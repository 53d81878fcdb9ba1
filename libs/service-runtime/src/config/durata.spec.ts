import { DataServiceConfig } from './service-config';
import { loadConfig } from './load-config';
import { durataMs, retentionOptions } from './durata';

const DAY_MS = 86_400_000;
const env = {
  NATS_URL: 'nats://127.0.0.1:4222',
  DATABASE_URL: 'postgres://u:p@h/db',
  DATABASE_SCHEMA: 'x',
  // a public key only: nothing secret
  ACTOR_TRUSTED_KEYS:
    '{"gateway":{"keys":[{"kty":"OKP","crv":"Ed25519","x":"pfB4mLpaK2DHs6eVVOp2UgH24JwtI3PdrQf-x-bxxrA"}]}}',
};

describe('retention settings', () => {
  it('reads durations with their unit', () => {
    expect(durataMs('30d')).toBe(30 * DAY_MS);
    expect(durataMs('12h')).toBe(12 * 3_600_000);
    expect(durataMs('15m')).toBe(900_000);
    expect(durataMs('45s')).toBe(45_000);
    expect(durataMs('500ms')).toBe(500);
    expect(durataMs('0')).toBe(0);
  });

  it('defaults to 30 days of events, 90 of dead letters, 7 of published outbox rows, an hourly purge', () => {
    const retention = retentionOptions(loadConfig(DataServiceConfig, env));
    expect(retention).toEqual({
      eventStreamMaxAgeMs: 30 * DAY_MS,
      deadLetterStreamMaxAgeMs: 90 * DAY_MS,
      outboxRetentionMs: 7 * DAY_MS,
      purgeIntervalMs: 3_600_000,
      purgeBatchSize: 1000,
    });
  });

  it('takes them from the environment and refuses a duration without a unit', () => {
    const config = loadConfig(DataServiceConfig, {
      ...env,
      EVENT_STREAM_MAX_AGE: '14d',
      DLQ_STREAM_MAX_AGE: '60d',
    });
    expect(retentionOptions(config).eventStreamMaxAgeMs).toBe(14 * DAY_MS);
    expect(() => loadConfig(DataServiceConfig, { ...env, EVENT_STREAM_MAX_AGE: '30' })).toThrow(
      /EVENT_STREAM_MAX_AGE: una durata come 30d/,
    );
  });
});
