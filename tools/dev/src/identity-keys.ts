import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateIdentityKeys, serviziChiamanti } from '@ambito/testing';

/** The files of the signed actor's keys in `dir`: what `*_FILE` variables point to. */
export interface IdentityKeyFiles {
  /** The gateway's private key: GATEWAY_SIGNING_KEY_FILE. */
  signingKey: string;
  /** The services' trusted keys (gateway and calling services): ACTOR_TRUSTED_KEYS_FILE. */
  trustedKeys: string;
  /** Each calling service's private key: its SERVICE_SIGNING_KEY_FILE. */
  serviceKeys: Record<string, string>;
}

export function identityKeyFiles(dir: string): IdentityKeyFiles {
  return {
    signingKey: path.join(dir, 'gateway-signing-key.jwk'),
    trustedKeys: path.join(dir, 'actor-trusted-keys.json'),
    serviceKeys: Object.fromEntries(
      serviziChiamanti().map((s) => [s, path.join(dir, `${s}-signing-key.jwk`)]),
    ),
  };
}

function privateFile(file: string, content: string): void {
  writeFileSync(file, `${content}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
}

/**
 * Creates the keys in `dir` unless they are all there already (kept across restarts: nothing signed
 * before a restart has to stay valid, but stable keys keep the files and logs readable; a directory of
 * an older version, without a calling service's key, gets a whole new set). Private keys are readable
 * by their owner only.
 */
export function ensureIdentityKeys(dir: string, kid?: string): IdentityKeyFiles & { created: boolean } {
  const files = identityKeyFiles(dir);
  const all = [files.signingKey, files.trustedKeys, ...Object.values(files.serviceKeys)];
  if (all.every((f) => existsSync(f))) return { ...files, created: false };
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const keys = generateIdentityKeys(kid);
  privateFile(files.signingKey, keys.GATEWAY_SIGNING_KEY);
  for (const [servizio, file] of Object.entries(files.serviceKeys))
    privateFile(file, keys.SERVICE_SIGNING_KEYS[servizio]);
  writeFileSync(files.trustedKeys, `${JSON.stringify(JSON.parse(keys.ACTOR_TRUSTED_KEYS), null, 2)}\n`);
  return { ...files, created: true };
}

/**
 * `npm run -s identity:keys -- <dir> [kid]`: a new key set for an installation (compose, Kubernetes).
 * The kid defaults to `gateway-<date>` (`gateway-<date>-<service>` for a service's key), so a rotated
 * key is told apart from the previous one.
 */
if (require.main === module) {
  const [dir, kid = `gateway-${new Date().toISOString().slice(0, 10)}`] = process.argv.slice(2);
  if (!dir) {
    console.error('uso: npm run -s identity:keys -- <cartella> [kid]');
    process.exit(2);
  }
  // npm runs scripts from the workspace root: the folder is relative to where the command was typed.
  const result = ensureIdentityKeys(path.resolve(process.env.INIT_CWD ?? process.cwd(), dir), kid);
  const servizi = Object.entries(result.serviceKeys)
    .map(([s, f]) => `\n  ${f}   privata, solo per il servizio ${s}`)
    .join('');
  console.log(
    result.created
      ? `chiavi create (kid ${kid}):\n  ${result.signingKey}   privata, solo per il gateway${servizi}\n  ${result.trustedKeys}   pubbliche, per i servizi`
      : `chiavi già presenti in ${dir}: nulla è stato cambiato`,
  );
}
