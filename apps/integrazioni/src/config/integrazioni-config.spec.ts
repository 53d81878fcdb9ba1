import { ConfigurationError } from '@ambito/service-runtime';
import { generateIdentityKeys, serviceSigningEnv } from '@ambito/testing';
import { loadIntegrazioniConfig } from './integrazioni-config';

describe('integrazioni configuration', () => {
  const minimal = {
    DATABASE_URL: 'postgres://u:p@db:5432/ambito',
    NATS_URL: 'nats://nats:4222',
    // a public key only: nothing secret
    ACTOR_TRUSTED_KEYS:
      '{"gateway":{"keys":[{"kty":"OKP","crv":"Ed25519","x":"pfB4mLpaK2DHs6eVVOp2UgH24JwtI3PdrQf-x-bxxrA"}]}}',
    // its own key: it reads misure, accesso and presa in carico and registers ADI households as itself
    ...serviceSigningEnv(generateIdentityKeys(), 'integrazioni'),
  };

  it('needs only the database, NATS, the trusted keys and its own signing key, with the service’s own defaults', () => {
    expect(loadIntegrazioniConfig(minimal)).toMatchObject({
      HTTP_PORT: 3106,
      DATABASE_SCHEMA: 'integrazioni',
      DATABASE_POOL_SIZE: 10,
      LOG_LEVEL: 'info',
    });
    expect(loadIntegrazioniConfig({ ...minimal, HTTP_PORT: '8080' }).HTTP_PORT).toBe(8080);
  });

  it('keeps the INPS ISEE adapter off unless switched on, and checks its settings', () => {
    expect(loadIntegrazioniConfig(minimal)).toMatchObject({
      INPS_ISEE_ATTIVO: 'no',
      INPS_ISEE_PRESTAZIONE: 'A1.11',
      INPS_ISEE_TIMEOUT_MS: 10_000,
    });
    const load = () =>
      loadIntegrazioniConfig({
        ...minimal,
        INPS_ISEE_ATTIVO: 'forse',
        INPS_ISEE_URL: 'ftp://inps',
        INPS_ISEE_PRESTAZIONE: 'B2',
        INPS_ISEE_TIMEOUT_MS: '5',
      });
    for (const variable of [
      'INPS_ISEE_ATTIVO',
      'INPS_ISEE_URL',
      'INPS_ISEE_PRESTAZIONE',
      'INPS_ISEE_TIMEOUT_MS',
    ])
      expect(load).toThrow(new RegExp(`- ${variable}:`));
  });

  it('refuses to start listing every invalid variable', () => {
    const load = () => loadIntegrazioniConfig({ DATABASE_SCHEMA: 'Schema-1', HTTP_PORT: '0' });
    expect(load).toThrow(ConfigurationError);
    for (const variable of [
      'DATABASE_URL',
      'NATS_URL',
      'DATABASE_SCHEMA',
      'HTTP_PORT',
      'ACTOR_TRUSTED_KEYS',
      'SERVICE_SIGNING_KEY',
    ])
      expect(load).toThrow(new RegExp(`- ${variable}:`));
  });
});
