import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateIdentityKeys } from '@ambito/testing';

/** The two files of the signed actor's key pair in `dir`: what `*_FILE` variables point to. */
export interface IdentityKeyFiles {
  /** The gateway's private key: GATEWAY_SIGNING_KEY_FILE. */
  signingKey: string;
  /** The services' trusted keys: ACTOR_TRUSTED_KEYS_FILE. */
  trustedKeys: string;
}

export function identityKeyFiles(dir: string): IdentityKeyFiles {
  return {
    signingKey: path.join(dir, 'gateway-signing-key.jwk'),
    trustedKeys: path.join(dir, 'actor-trusted-keys.json'),
  };
}

/**
 * Creates the key pair in `dir` unless it is there already (kept across restarts: nothing signed
 * before a restart has to stay valid, but a stable key keeps the files and logs readable). The
 * private key is readable by its owner only.
 */
export function ensureIdentityKeys(dir: string, kid?: string): IdentityKeyFiles & { created: boolean } {
  const files = identityKeyFiles(dir);
  if (existsSync(files.signingKey) && existsSync(files.trustedKeys)) return { ...files, created: false };
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const keys = generateIdentityKeys(kid);
  writeFileSync(files.signingKey, `${keys.GATEWAY_SIGNING_KEY}\n`, { mode: 0o600 });
  chmodSync(files.signingKey, 0o600);
  writeFileSync(files.trustedKeys, `${JSON.stringify(JSON.parse(keys.ACTOR_TRUSTED_KEYS), null, 2)}\n`);
  return { ...files, created: true };
}

/**
 * `npm run -s identity:keys -- <dir> [kid]`: a new key pair for an installation (compose, Kubernetes).
 * The kid defaults to `gateway-<date>`, so a rotated key is told apart from the previous one.
 */
if (require.main === module) {
  const [dir, kid = `gateway-${new Date().toISOString().slice(0, 10)}`] = process.argv.slice(2);
  if (!dir) {
    console.error('uso: npm run -s identity:keys -- <cartella> [kid]');
    process.exit(2);
  }
  // npm runs scripts from the workspace root: the folder is relative to where the command was typed.
  const result = ensureIdentityKeys(path.resolve(process.env.INIT_CWD ?? process.cwd(), dir), kid);
  console.log(
    result.created
      ? `chiavi create (kid ${kid}):\n  ${result.signingKey}   privata, solo per il gateway\n  ${result.trustedKeys}   pubblica, per i servizi`
      : `chiavi già presenti in ${dir}: nulla è stato cambiato`,
  );
}
