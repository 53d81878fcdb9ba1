import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bootstrapServiceRoles, serviceRoleNames } from '@ambito/testing';

/** A role's password, made on first use and kept (mode 600) so the roles keep theirs across restarts. */
function keptPassword(dir: string, role: string): string {
  const file = path.join(dir, role);
  if (!existsSync(file)) writeFileSync(file, randomBytes(24).toString('hex'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

/**
 * The database environment of a service of the dev stack: its owner and runtime roles made (or set
 * again) in the embedded cluster by the role bootstrap, with passwords kept in `<dataDir>/postgres-roles/`.
 * Without an admin URL (DATABASE_URL given from outside), every service uses that URL as before.
 */
export async function serviceDatabaseEnv(
  schema: string,
  options: { adminUrl?: string; externalUrl?: string; dataDir: string },
): Promise<Record<string, string>> {
  if (!options.adminUrl) return { DATABASE_URL: options.externalUrl!, DATABASE_SCHEMA: schema };
  const dir = path.join(options.dataDir, 'postgres-roles');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const names = serviceRoleNames(schema);
  const urls = await bootstrapServiceRoles(options.adminUrl, schema, {
    owner: keptPassword(dir, names.owner),
    app: keptPassword(dir, names.app),
  });
  return { DATABASE_URL: urls.url, DATABASE_MIGRATION_URL: urls.migrationUrl, DATABASE_SCHEMA: schema };
}
