import { ConfigurationError } from '@ambito/service-runtime';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_TERRITORIO_FILE, loadTerritorioFile } from '@ambito/territorio';
import { loadAccessoConfig } from './accesso-config';

describe('accesso configuration', () => {
  const minimal = {
    DATABASE_URL: 'postgres://u:p@db:5432/ambito',
    NATS_URL: 'nats://nats:4222',
    // a public key only: nothing secret
    ACTOR_TRUSTED_KEYS:
      '{"gateway":{"keys":[{"kty":"OKP","crv":"Ed25519","x":"pfB4mLpaK2DHs6eVVOp2UgH24JwtI3PdrQf-x-bxxrA"}]}}',
  };

  it('needs only the database, NATS and the trusted keys, with the service’s own defaults', () => {
    const config = loadAccessoConfig(minimal);
    expect(config).toMatchObject({
      HTTP_PORT: 3101,
      DATABASE_SCHEMA: 'accesso',
      DATABASE_POOL_SIZE: 10,
      IDEMPOTENCY_TTL_HOURS: 24,
      LOG_LEVEL: 'info',
    });
    expect(loadAccessoConfig({ ...minimal, HTTP_PORT: '8080' }).HTTP_PORT).toBe(8080);
  });

  it('refuses to start listing every invalid variable', () => {
    const load = () =>
      loadAccessoConfig({ DATABASE_SCHEMA: 'Accesso-1', HTTP_PORT: '0', LOG_LEVEL: 'chatty' });
    expect(load).toThrow(ConfigurationError);
    for (const variable of [
      'DATABASE_URL',
      'NATS_URL',
      'DATABASE_SCHEMA',
      'HTTP_PORT',
      'LOG_LEVEL',
      'ACTOR_TRUSTED_KEYS',
    ])
      expect(load).toThrow(new RegExp(`- ${variable}:`));
  });

  describe('in production', () => {
    const production = { ...minimal, NODE_ENV: 'production' };

    it('requires TERRITORIO_FILE', () => {
      expect(() => loadAccessoConfig(production)).toThrow(
        /- TERRITORIO_FILE: obbligatorio in produzione: il file del territorio dell’Ambito/,
      );
      expect(loadAccessoConfig(minimal).TERRITORIO_FILE).toBeUndefined();
    });

    it('refuses the illustrative demo territorio and accepts one without the mark', () => {
      expect(() => loadAccessoConfig({ ...production, TERRITORIO_FILE: DEFAULT_TERRITORIO_FILE })).toThrow(
        /- TERRITORIO_FILE: il file .* contiene dati illustrativi .* non può essere usato in produzione/,
      );
      const file = path.join(mkdtempSync(path.join(tmpdir(), 'territorio-')), 'reale.json');
      const { illustrativo: _, ...reale } = loadTerritorioFile();
      writeFileSync(file, JSON.stringify(reale));
      expect(loadAccessoConfig({ ...production, TERRITORIO_FILE: file }).TERRITORIO_FILE).toBe(file);
    });
  });
});
