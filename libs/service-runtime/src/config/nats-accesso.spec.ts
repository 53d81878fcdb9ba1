import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigurationError, loadConfig } from './load-config';
import { natsAccessoDa } from './nats-accesso';
import { ServiceConfig } from './service-config';

const base = { NATS_URL: 'tls://nats:4222' };

describe('NATS credentials of a process', () => {
  it('reads the user and the password, or the password from a file without its trailing newline', () => {
    expect(
      natsAccessoDa(loadConfig(ServiceConfig, { ...base, NATS_USER: 'accesso', NATS_PASSWORD: 'pw' })),
    ).toEqual({
      credenziali: { user: 'accesso', password: 'pw' },
    });
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'nats-pw-')), 'password');
    writeFileSync(file, 'dal-file\n');
    const config = loadConfig(ServiceConfig, {
      ...base,
      NATS_USER: 'accesso',
      NATS_PASSWORD_FILE: file,
      NATS_TLS_CA_FILE: '/etc/ambito/nats-ca.crt',
    });
    expect(natsAccessoDa(config)).toEqual({
      credenziali: { user: 'accesso', password: 'dal-file' },
      tlsCaFile: '/etc/ambito/nats-ca.crt',
    });
  });

  it('refuses a user without password, both password sources, and an unreadable file', () => {
    expect(() => loadConfig(ServiceConfig, { ...base, NATS_USER: 'accesso' })).toThrow(
      /NATS_PASSWORD: obbligatorio con NATS_USER/,
    );
    expect(() => loadConfig(ServiceConfig, { ...base, NATS_USER: 'Accesso!', NATS_PASSWORD: 'x' })).toThrow(
      /NATS_USER/,
    );
    const both = loadConfig(ServiceConfig, {
      ...base,
      NATS_USER: 'accesso',
      NATS_PASSWORD: 'x',
      NATS_PASSWORD_FILE: '/x',
    });
    expect(() => natsAccessoDa(both)).toThrow(/uno solo/);
    const missing = loadConfig(ServiceConfig, {
      ...base,
      NATS_USER: 'accesso',
      NATS_PASSWORD_FILE: '/non/esiste',
    });
    expect(() => natsAccessoDa(missing)).toThrow(ConfigurationError);
    expect(() => natsAccessoDa(missing)).toThrow(/ENOENT/);
  });

  it('is anonymous without NATS_USER (a local server without authentication)', () => {
    expect(natsAccessoDa(loadConfig(ServiceConfig, base))).toEqual({});
  });
});
