// Loaded by Jest's globalSetup too, where neither the path aliases nor reflect-metadata are set up:
// relative imports only, and the metadata polyfill the contract classes' decorators expect.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
// eslint-disable-next-line @nx/enforce-module-boundaries -- globalSetup resolves no alias (see above)
import * as bus from '../../../contracts/src/bus';

export interface NatsAuth {
  /** The nats-server configuration to pass as `configFile` to `startNatsServer`. */
  configFile: string;
  /** Directory of `<user>.password` files (mode 0600), for NATS_PASSWORD_FILE. */
  passwordDir: string;
  /** Password of each user, generated now. */
  passwords: Record<string, string>;
}

export interface NatsAuthOptions {
  /** Adds the unrestricted test user (`collaudo`): the test harness only. */
  collaudo?: boolean;
}

/**
 * Writes into `dir` the nats-server configuration generated from the contracts' declarations (one user
 * per service, the gateway, the operator; `collaudo` for the tests) with a new random password for each
 * user, as `npm start` and the test harness run it: no anonymous client is accepted.
 */
export async function prepareNatsAuth(dir: string, options: NatsAuthOptions = {}): Promise<NatsAuth> {
  const users = bus.permessiNats(bus.DICHIARAZIONI_BUS, { collaudo: options.collaudo });
  const passwords = Object.fromEntries(users.map((u) => [u.utente, randomBytes(24).toString('base64url')]));
  const passwordDir = path.join(dir, 'credenziali');
  await mkdir(passwordDir, { recursive: true, mode: 0o700 });
  await chmod(passwordDir, 0o700);
  const secretsFile = path.join(dir, 'nats-passwords.conf');
  await writeFile(secretsFile, bus.segretiNatsServer(passwords), { mode: 0o600 });
  await chmod(secretsFile, 0o600);
  for (const [user, password] of Object.entries(passwords)) {
    const file = path.join(passwordDir, `${user}.password`);
    await writeFile(file, `${password}\n`, { mode: 0o600 });
    await chmod(file, 0o600);
  }
  const configFile = path.join(dir, 'nats-server.conf');
  await writeFile(
    configFile,
    bus.configurazioneNatsServer({
      utenti: users,
      includeSegreti: path.basename(secretsFile),
      intestazione: [
        'Generato ad ogni avvio da libs/testing (prepareNatsAuth) dalle dichiarazioni dei contratti.',
        'Indirizzo, porta e JetStream dalla riga di comando; password in nats-passwords.conf.',
      ],
    }),
  );
  return { configFile, passwordDir, passwords };
}
