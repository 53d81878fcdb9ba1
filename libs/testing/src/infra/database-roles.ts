import { createHmac } from 'node:crypto';
import { Client } from 'pg';

/**
 * The role bootstrap: per service that owns data, two PostgreSQL roles, made with an admin connection
 * (docs/database-roles.md explains them to IT departments):
 *  - `<schema>_owner` owns the schema and everything in it and runs the migrations
 *    (DATABASE_MIGRATION_URL); after each run it grants the runtime role what it may do
 *    (grantRuntimePrivileges, libs/persistence);
 *  - `<schema>_app` is the service at run time (DATABASE_URL): USAGE on its own schema only, no object
 *    of its own, so it can neither create tables nor alter, truncate or disable the triggers of the
 *    append-only ones; neither may be superuser, create roles or databases, replicate or bypass RLS.
 * The same SQL runs from `npm start`, the test harness (createServiceTestDatabase), compose and
 * Kubernetes (the psql script generated into docker/postgres/, see databaseRolesPsqlScript).
 * Idempotent: roles and schema are created when missing, passwords and attributes set again, and what a
 * superuser created in the schema before the roles existed is handed to the owner.
 */
export interface ServiceRoleNames {
  owner: string;
  app: string;
}

export function serviceRoleNames(schema: string): ServiceRoleNames {
  return { owner: `${schema}_owner`, app: `${schema}_app` };
}

/** Cluster-wide: the two roles, with their password and no privilege beyond logging in. */
export const ROLES_SQL = `DO $roles$
DECLARE
  role_name text;
  secret text;
  granted text;
BEGIN
  FOR role_name, secret IN VALUES
      (current_setting('ambito.schema') || '_owner', current_setting('ambito.password_owner')),
      (current_setting('ambito.schema') || '_app', current_setting('ambito.password_app')) LOOP
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = role_name) THEN
      EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', role_name, secret);
    ELSE
      EXECUTE format('ALTER ROLE %I LOGIN PASSWORD %L', role_name, secret);
    END IF;
    EXECUTE format('ALTER ROLE %I NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT', role_name);
    -- A membership granted by hand would lend the role another's privileges (SET ROLE).
    FOR granted IN SELECT m.roleid::regrole::text FROM pg_auth_members m
                   WHERE m.member = (SELECT oid FROM pg_roles WHERE rolname = role_name) LOOP
      EXECUTE format('REVOKE %s FROM %I', granted, role_name);
    END LOOP;
  END LOOP;
END $roles$;`;

/** In the current database: the schema owned by the owner role, USAGE for the runtime role. */
export const SCHEMA_SQL = `DO $schema$
DECLARE
  s text := current_setting('ambito.schema');
  owner_role text := s || '_owner';
  app_role text := s || '_app';
  obj record;
BEGIN
  EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I, %I', current_database(), owner_role, app_role);
  -- No temporary tables and nothing in public for roles that were not given it explicitly.
  EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
  IF EXISTS (SELECT FROM pg_namespace WHERE nspname = 'public') THEN
    REVOKE CREATE ON SCHEMA public FROM PUBLIC;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_namespace WHERE nspname = s) THEN
    EXECUTE format('CREATE SCHEMA %I AUTHORIZATION %I', s, owner_role);
  END IF;
  EXECUTE format('ALTER SCHEMA %I OWNER TO %I', s, owner_role);
  -- Objects made before the roles existed (migrations run by a superuser) go to the owner; sequences of
  -- a serial column follow their table.
  FOR obj IN SELECT c.oid::regclass::text AS name, c.relkind FROM pg_class c
                  WHERE c.relnamespace = s::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm')
                    AND c.relowner <> owner_role::regrole LOOP
    EXECUTE format('ALTER %s %s OWNER TO %I',
      CASE obj.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END,
      obj.name, owner_role);
  END LOOP;
  FOR obj IN SELECT c.oid::regclass::text AS name FROM pg_class c
                  WHERE c.relnamespace = s::regnamespace AND c.relkind = 'S'
                    AND c.relowner <> owner_role::regrole LOOP
    EXECUTE format('ALTER SEQUENCE %s OWNER TO %I', obj.name, owner_role);
  END LOOP;
  FOR obj IN SELECT p.oid::regprocedure::text AS name FROM pg_proc p
                  WHERE p.pronamespace = s::regnamespace AND p.proowner <> owner_role::regrole LOOP
    EXECUTE format('ALTER ROUTINE %s OWNER TO %I', obj.name, owner_role);
  END LOOP;
  FOR obj IN SELECT t.oid::regtype::text AS name, t.typtype FROM pg_type t
                  WHERE t.typnamespace = s::regnamespace AND t.typtype IN ('e', 'd', 'r')
                    AND t.typowner <> owner_role::regrole LOOP
    EXECUTE format('ALTER %s %s OWNER TO %I',
      CASE obj.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END, obj.name, owner_role);
  END LOOP;
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', s, app_role);
END $schema$;`;

function parametersSql(placeholders: [string, string, string]): string {
  const [schema, owner, app] = placeholders;
  return `SELECT set_config('ambito.schema', ${schema}, true),
       set_config('ambito.password_owner', ${owner}, true),
       set_config('ambito.password_app', ${app}, true);`;
}

/**
 * The bootstrap as a psql script, for compose and Kubernetes (written to docker/postgres/ by the unit
 * spec with AGGIORNA_SQL=1; the spec fails while the copy is stale). Run once per service:
 *   psql -v ON_ERROR_STOP=1 -v schema=accesso -v password_owner=… -v password_app=… -f database-roles.sql
 */
export function databaseRolesPsqlScript(): string {
  return `-- Generated from libs/testing/src/infra/database-roles.ts: do not edit (see docs/database-roles.md).
-- The PostgreSQL roles of one service; run with an admin connection to the platform's database:
--   psql -v ON_ERROR_STOP=1 -v schema=accesso -v password_owner=… -v password_app=… -f database-roles.sql
BEGIN;
${parametersSql([":'schema'", ":'password_owner'", ":'password_app'"])}
${ROLES_SQL}
${SCHEMA_SQL}
COMMIT;
`;
}

export interface ServiceDatabaseUrls {
  /** The runtime role (DATABASE_URL). */
  url: string;
  /** The owner role (DATABASE_MIGRATION_URL). */
  migrationUrl: string;
}

export interface ServiceRolePasswords {
  owner: string;
  app: string;
}

/** PostgreSQL error codes a concurrent bootstrap of the same roles may raise (another one won). */
const CONCURRENT = new Set(['23505', '42710', 'XX000', '40001', '40P01']);

/**
 * Runs the bootstrap for one service with `adminUrl` (a superuser's URL of the database the service
 * uses) and returns the service's URLs, on the same host and database. Roles are cluster-wide: two
 * bootstraps at once (test files in parallel) may collide on them, so a collision is tried again.
 */
export async function bootstrapServiceRoles(
  adminUrl: string,
  schema: string,
  passwords: ServiceRolePasswords,
): Promise<ServiceDatabaseUrls> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Nome di schema non valido: ${schema}`);
  for (let attempt = 1; ; attempt += 1) {
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query(parametersSql(['$1', '$2', '$3']), [schema, passwords.owner, passwords.app]);
      await client.query(ROLES_SQL);
      await client.query(SCHEMA_SQL);
      await client.query('COMMIT');
      break;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      const code = (error as { code?: string }).code;
      if (attempt >= 8 || !code || !CONCURRENT.has(code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 200 * attempt));
    } finally {
      await client.end();
    }
  }
  const names = serviceRoleNames(schema);
  return {
    url: withCredentials(adminUrl, names.app, passwords.app),
    migrationUrl: withCredentials(adminUrl, names.owner, passwords.owner),
  };
}

export function withCredentials(url: string, user: string, password: string): string {
  const result = new URL(url);
  result.username = encodeURIComponent(user);
  result.password = encodeURIComponent(password);
  return result.toString();
}

/**
 * Passwords for a test cluster's roles: derived from the admin URL (which holds the admin password), so
 * every worker and every Jest project on the same server computes the same ones without sharing state.
 */
export function testRolePasswords(adminUrl: string, schema: string): ServiceRolePasswords {
  const server = new URL(adminUrl);
  server.pathname = '/';
  const key = server.toString();
  const derive = (role: string) => createHmac('sha256', key).update(role).digest('hex').slice(0, 32);
  const names = serviceRoleNames(schema);
  return { owner: derive(names.owner), app: derive(names.app) };
}
