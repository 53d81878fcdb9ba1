import { ConfigurationError } from '@ambito/service-runtime';
import { loadAccessoConfig } from './accesso-config';

describe('accesso configuration', () => {
  const minimal = { DATABASE_URL: 'postgres://u:p@db:5432/ambito', NATS_URL: 'nats://nats:4222' };

  it('needs only the database and NATS, with the service’s own defaults', () => {
    const config = loadAccessoConfig(minimal);
    expect(config).toMatchObject({
      HTTP_PORT: 3101,
      DATABASE_SCHEMA: 'accesso',
      DATABASE_POOL_SIZE: 10,
      LOG_LEVEL: 'info',
    });
    expect(loadAccessoConfig({ ...minimal, HTTP_PORT: '8080' }).HTTP_PORT).toBe(8080);
  });

  it('refuses to start listing every invalid variable', () => {
    const load = () =>
      loadAccessoConfig({ DATABASE_SCHEMA: 'Accesso-1', HTTP_PORT: '0', LOG_LEVEL: 'chatty' });
    expect(load).toThrow(ConfigurationError);
    for (const variable of ['DATABASE_URL', 'NATS_URL', 'DATABASE_SCHEMA', 'HTTP_PORT', 'LOG_LEVEL'])
      expect(load).toThrow(new RegExp(`- ${variable}:`));
  });
});
