import { readFileSync } from 'node:fs';
import type { NatsAccesso } from '@ambito/messaging';
import { ConfigurationError } from './load-config';
import type { ServiceConfig } from './service-config';

/**
 * The NATS credentials and CA of the process, from its validated configuration: NATS_USER with
 * NATS_PASSWORD, or with NATS_PASSWORD_FILE (read once, at start-up; a trailing newline is not part of
 * the password). No NATS_USER: anonymous, for a local server without authentication.
 */
export function natsAccessoDa(
  config: Pick<ServiceConfig, 'NATS_USER' | 'NATS_PASSWORD' | 'NATS_PASSWORD_FILE' | 'NATS_TLS_CA_FILE'>,
): NatsAccesso {
  const accesso: NatsAccesso = {};
  if (config.NATS_TLS_CA_FILE) accesso.tlsCaFile = config.NATS_TLS_CA_FILE;
  if (!config.NATS_USER) return accesso;
  if (config.NATS_PASSWORD && config.NATS_PASSWORD_FILE) {
    throw new ConfigurationError(
      'Configurazione non valida:\n  - NATS_PASSWORD_FILE: non insieme a NATS_PASSWORD, impostarne uno solo',
    );
  }
  let password = config.NATS_PASSWORD;
  if (config.NATS_PASSWORD_FILE) {
    try {
      password = readFileSync(config.NATS_PASSWORD_FILE, 'utf8').replace(/\r?\n$/, '');
    } catch (error) {
      throw new ConfigurationError(
        `Configurazione non valida:\n  - NATS_PASSWORD_FILE: ${config.NATS_PASSWORD_FILE} non leggibile ` +
          `(${(error as NodeJS.ErrnoException).code ?? 'errore'})`,
      );
    }
  }
  if (!password) {
    throw new ConfigurationError('Configurazione non valida:\n  - NATS_PASSWORD: vuota');
  }
  accesso.credenziali = { user: config.NATS_USER, password };
  return accesso;
}
