import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

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
