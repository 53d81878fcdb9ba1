import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import { createTestDatabase, dropTestDatabase } from '../database';
import { bootstrapServiceRoles, withCredentials } from './database-roles';

const root = path.resolve(__dirname, '../../../..');

async function query<T = Record<string, unknown>>(url: string, text: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

const hasPsql = spawnSync('psql', ['--version']).status === 0;

describe('role bootstrap against PostgreSQL', () => {
  const databases: string[] = [];
  const database = async (prefix: string) => {
    const url = await createTestDatabase(prefix);
    databases.push(url);
    return url;
  };
  afterAll(async () => {
    for (const url of databases) await dropTestDatabase(url);
  });

  it('hands what a superuser migrated before the roles existed to the owner (an existing npm start cluster)', async () => {
    const admin = await database('ruoli_upgrade');
    await query(
      admin,
      `CREATE SCHEMA vecchio;
       CREATE TABLE vecchio.registro (id bigserial PRIMARY KEY, nota text);
       CREATE VIEW vecchio.vista AS SELECT id FROM vecchio.registro;
       CREATE FUNCTION vecchio.registro_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
       CREATE TYPE vecchio.stato AS ENUM ('a', 'b');`,
    );
    const urls = await bootstrapServiceRoles(admin, 'vecchio', { owner: 'o-1', app: 'a-1' });
    const owners = await query<{ owner: string }>(
      admin,
      `SELECT DISTINCT pg_get_userbyid(owner) AS owner FROM (
         SELECT nspowner AS owner FROM pg_namespace WHERE nspname = 'vecchio'
         UNION ALL SELECT relowner FROM pg_class WHERE relnamespace = 'vecchio'::regnamespace
         UNION ALL SELECT proowner FROM pg_proc WHERE pronamespace = 'vecchio'::regnamespace
         UNION ALL SELECT typowner FROM pg_type WHERE typnamespace = 'vecchio'::regnamespace) o`,
    );
    expect(owners).toEqual([{ owner: 'vecchio_owner' }]);
    // Idempotent, and the passwords are set again.
    const again = await bootstrapServiceRoles(admin, 'vecchio', { owner: 'o-2', app: 'a-2' });
    expect(await query(again.migrationUrl, `SELECT current_user AS u`)).toEqual([{ u: 'vecchio_owner' }]);
    await expect(query(urls.url, 'SELECT 1')).rejects.toThrow(/password/);
    expect(await query(again.url, `SELECT has_schema_privilege('vecchio', 'USAGE') AS u`)).toEqual([
      { u: true },
    ]);
  });

  (hasPsql ? it : it.skip)('docker/postgres/create-roles.sh makes the same roles with psql', () => {
    return (async () => {
      const admin = await database('ruoli_psql');
      const output = execFileSync(
        'bash',
        [path.join(root, 'docker/postgres/create-roles.sh'), 'prova_psql'],
        {
          env: {
            ...process.env,
            DATABASE_ADMIN_URL: admin,
            PROVA_PSQL_DB_OWNER_PASSWORD: "o'1 $x",
            PROVA_PSQL_DB_PASSWORD: 'a"1',
          },
          encoding: 'utf8',
        },
      );
      expect(output).toContain('prova_psql_owner e prova_psql_app pronti');
      const owner = withCredentials(admin, 'prova_psql_owner', "o'1 $x");
      expect(
        await query(
          owner,
          `SELECT nspowner::regrole::text AS o FROM pg_namespace WHERE nspname = 'prova_psql'`,
        ),
      ).toEqual([{ o: 'prova_psql_owner' }]);
      const roles = await query(
        withCredentials(admin, 'prova_psql_app', 'a"1'),
        `SELECT rolsuper, rolcreaterole, rolcreatedb, rolbypassrls, rolreplication FROM pg_roles WHERE rolname = current_user`,
      );
      expect(roles).toEqual([
        {
          rolsuper: false,
          rolcreaterole: false,
          rolcreatedb: false,
          rolbypassrls: false,
          rolreplication: false,
        },
      ]);
    })();
  });
});
