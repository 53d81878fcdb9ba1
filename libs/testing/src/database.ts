import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { bootstrapServiceRoles, testRolePasswords } from './infra/database-roles';

function serverUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    throw new Error(
      'TEST_DATABASE_URL non impostato: aggiungere al jest.config.cjs il globalSetup/globalTeardown di ' +
        'libs/testing (vedi jestInfraConfig), che avvia PostgreSQL, o puntarlo a un server esistente',
    );
  }
  return url;
}

async function withServer<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh, uniquely named database (`<prefix>_<random>`) on the server at TEST_DATABASE_URL; returns
 * its URL. Each test file gets its own, so files can run in parallel workers.
 */
export async function createTestDatabase(prefix: string): Promise<string> {
  const base =
    prefix
      .replace(/[^a-z0-9_]/gi, '_')
      .toLowerCase()
      .slice(0, 40) || 'test';
  const name = `${base}_${randomBytes(6).toString('hex')}`; // <= 53 chars: within NAMEDATALEN
  await withServer((client) => client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`));
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops a database made by createTestDatabase, closing its open connections first. */
export async function dropTestDatabase(databaseUrl: string): Promise<void> {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  await withServer((client) =>
    client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`),
  );
}

export interface ServiceTestDatabase {
  /** The superuser's URL of the database: for the test's own checks and set-ups (`svc.sql`). */
  adminUrl: string;
  /** The service's runtime role (DATABASE_URL). */
  url: string;
  /** The schema owner's role, which runs the migrations (DATABASE_MIGRATION_URL). */
  migrationUrl: string;
}

/**
 * The roles of the service with this schema (`<schema>_owner`, `<schema>_app`) in the database at
 * `adminUrl`, made by the same bootstrap as `npm start`, compose and Kubernetes (database-roles.ts).
 */
export async function testServiceRoles(
  adminUrl: string,
  schema: string,
): Promise<Omit<ServiceTestDatabase, 'adminUrl'>> {
  return bootstrapServiceRoles(adminUrl, schema, testRolePasswords(adminUrl, schema));
}

/**
 * A fresh database (createTestDatabase) with the service's schema and roles: the service connects as
 * its runtime role and migrates as the owner, as in production.
 */
export async function createServiceTestDatabase(
  schema: string,
  prefix: string = schema,
): Promise<ServiceTestDatabase> {
  const adminUrl = await createTestDatabase(prefix);
  try {
    return { adminUrl, ...(await testServiceRoles(adminUrl, schema)) };
  } catch (error) {
    await dropTestDatabase(adminUrl).catch(() => undefined);
    throw error;
  }
}
