import { Client } from 'pg';
import { ACCESSO_RPC } from '@ambito/contracts';
import {
  grantRuntimePrivileges,
  makeAppendOnly,
  runMigrations,
  serviceDataSourceOptions,
} from '@ambito/persistence';
import { ACCESSO_ENTITIES } from './entities';
import { ACCESSO_MIGRATIONS } from './migrations';
import { testServiceRoles } from '@ambito/testing';
import { ATTORI, persona, startTestAccesso, type TestAccesso } from '../../test/accesso-harness';

/** The PostgreSQL error code of a refused privilege (permission denied, must be owner, …). */
const NEGATO = { code: '42501' };

async function connect(url: string, schema: string): Promise<Client> {
  const client = new Client({ connectionString: url, options: `-c search_path=${schema}` });
  await client.connect();
  return client;
}

/**
 * Issue 14, point 3: the service connects as `accesso_app`, which cannot alter the audit, not even with
 * session_replication_role (the finding: as the superuser every service used, a DELETE on voce_audit
 * succeeded with it set to replica), nor read another service's schema, nor create objects.
 */
describe('PostgreSQL roles of accesso (runtime role accesso_app, owner accesso_owner)', () => {
  let svc: TestAccesso;
  let app: Client;
  let budgetOwner: Client;
  let personaId: string;

  beforeAll(async () => {
    svc = await startTestAccesso();
    const p = await svc.as(ATTORI.operatoreCrema, 'colloquio')(
      ACCESSO_RPC.registraPersona,
      persona('RSSMRA50A41D142K'),
    );
    personaId = p.id;
    app = await connect((await testServiceRoles(svc.databaseUrl, 'accesso')).url, 'accesso');
  });
  afterAll(async () => {
    await app?.end();
    await budgetOwner?.end();
    await svc?.close();
  });

  it('runs the service as accesso_app, a role without superuser, CREATEROLE, CREATEDB, BYPASSRLS or REPLICATION', async () => {
    const sessions = await svc.sql<{ usename: string }>(
      `SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = current_database() AND usename <> current_user`,
    );
    expect(sessions.map((s) => s.usename)).toEqual(['accesso_app']);
    const { rows } = await app.query(
      `SELECT rolsuper, rolcreaterole, rolcreatedb, rolbypassrls, rolreplication
         FROM pg_roles WHERE rolname = current_user`,
    );
    expect(rows).toEqual([
      {
        rolsuper: false,
        rolcreaterole: false,
        rolcreatedb: false,
        rolbypassrls: false,
        rolreplication: false,
      },
    ]);
    const [owner] = await svc.sql<{ owner: string }>(
      `SELECT tableowner AS owner FROM pg_tables WHERE schemaname = 'accesso' AND tablename = 'voce_audit'`,
    );
    expect(owner.owner).toBe('accesso_owner');
  });

  it('lets the runtime role read and append the audit, never UPDATE, DELETE or TRUNCATE it', async () => {
    const { rows } = await app.query(`SELECT count(*)::int AS n FROM voce_audit WHERE soggetto_id = $1`, [
      personaId,
    ]);
    expect(rows[0].n).toBeGreaterThan(0);
    await expect(app.query(`UPDATE voce_audit SET motivo = 'cancellato'`)).rejects.toMatchObject(NEGATO);
    await expect(app.query(`DELETE FROM voce_audit`)).rejects.toMatchObject(NEGATO);
    await expect(app.query(`TRUNCATE voce_audit`)).rejects.toMatchObject(NEGATO);
    expect(await svc.sql(`SELECT 1 FROM voce_audit WHERE soggetto_id = $1`, [personaId])).not.toHaveLength(0);
  });

  it('refuses session_replication_role = replica, and the DELETE of the finding still fails', async () => {
    await expect(app.query(`SET session_replication_role = replica`)).rejects.toMatchObject(NEGATO);
    await app.query('BEGIN');
    await expect(app.query(`SET LOCAL session_replication_role = replica`)).rejects.toMatchObject(NEGATO);
    await app.query('ROLLBACK');
    const { rows } = await app.query(`SHOW session_replication_role`);
    expect(rows[0].session_replication_role).toBe('origin');
    await expect(
      app.query(`DELETE FROM voce_audit WHERE soggetto_id = $1`, [personaId]),
    ).rejects.toMatchObject(NEGATO);
  });

  it('cannot disable, drop or replace the append-only triggers (not the table owner)', async () => {
    await expect(app.query(`ALTER TABLE voce_audit DISABLE TRIGGER ALL`)).rejects.toMatchObject(NEGATO);
    await expect(
      app.query(`ALTER TABLE voce_audit DISABLE TRIGGER tr_voce_audit_append_only`),
    ).rejects.toMatchObject(NEGATO);
    await expect(app.query(`DROP TRIGGER tr_voce_audit_append_only ON voce_audit`)).rejects.toMatchObject(
      NEGATO,
    );
    await expect(
      app.query(`CREATE OR REPLACE FUNCTION voce_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                 BEGIN RETURN OLD; END $$`),
    ).rejects.toMatchObject(NEGATO);
    await expect(app.query(`ALTER TABLE voce_audit OWNER TO accesso_app`)).rejects.toMatchObject(NEGATO);
  });

  it('cannot create tables: not in its schema, not in public, not temporary', async () => {
    await expect(app.query(`CREATE TABLE accesso.copia (id int)`)).rejects.toMatchObject(NEGATO);
    await expect(app.query(`CREATE TABLE public.copia (id int)`)).rejects.toMatchObject(NEGATO);
    await expect(app.query(`CREATE TEMP TABLE copia (id int)`)).rejects.toMatchObject(NEGATO);
  });

  it("cannot read another service's schema, nor the other service this one's", async () => {
    // Another service's schema in the same database, with a table its owner made.
    const budget = await testServiceRoles(svc.databaseUrl, 'budget');
    budgetOwner = await connect(budget.migrationUrl, 'budget');
    await budgetOwner.query(`CREATE TABLE budget.movimento_prova (id int PRIMARY KEY)`);
    await budgetOwner.query(`INSERT INTO budget.movimento_prova VALUES (1)`);
    await expect(app.query(`SELECT * FROM budget.movimento_prova`)).rejects.toMatchObject(NEGATO);
    await expect(budgetOwner.query(`SELECT * FROM accesso.persona`)).rejects.toMatchObject(NEGATO);
    const budgetApp = await connect(budget.url, 'budget');
    try {
      await expect(budgetApp.query(`SELECT * FROM accesso.voce_audit`)).rejects.toMatchObject(NEGATO);
    } finally {
      await budgetApp.end();
    }
  });

  it('does the ordinary work: SELECT, INSERT, UPDATE, DELETE on ordinary tables and sequences', async () => {
    const privileges = await app.query<{ tabella: string; privilegi: string[] }>(
      `SELECT c.relname AS tabella,
              array(SELECT p FROM unnest(ARRAY['SELECT','INSERT','UPDATE','DELETE','TRUNCATE','TRIGGER']) p
                     WHERE has_table_privilege(c.oid, p) ORDER BY p) AS privilegi
         FROM pg_class c WHERE c.relnamespace = 'accesso'::regnamespace AND c.relkind = 'r' ORDER BY 1`,
    );
    const per = Object.fromEntries(privileges.rows.map((r) => [r.tabella, r.privilegi]));
    expect(per.voce_audit).toEqual(['INSERT', 'SELECT']);
    expect(per.migrations).toEqual(['SELECT']);
    expect(per.persona).toEqual(['DELETE', 'INSERT', 'SELECT', 'UPDATE']);
    expect(per.outbox_message).toEqual(['DELETE', 'INSERT', 'SELECT', 'UPDATE']);
    const { rows } = await app.query(`UPDATE persona SET telefono = '0373 1' WHERE id = $1 RETURNING id`, [
      personaId,
    ]);
    expect(rows).toHaveLength(1);
  });

  it('after a new migration run, a table made append-only is INSERT and SELECT only for the runtime role', async () => {
    const owner = await connect((await testServiceRoles(svc.databaseUrl, 'accesso')).migrationUrl, 'accesso');
    try {
      await owner.query(`CREATE TABLE registro_prova (id int PRIMARY KEY, nota text)`);
      // Default privileges: a table the owner adds is readable and appendable at once, nothing more.
      expect((await app.query(`SELECT has_table_privilege('registro_prova', 'UPDATE') AS u`)).rows[0].u).toBe(
        false,
      );
      await app.query(`INSERT INTO registro_prova VALUES (1, 'a')`);
      await makeAppendOnly(
        { query: (sql: string) => owner.query(sql) } as never,
        'registro_prova',
        'registro di prova',
      );
      await grantRuntimePrivileges(owner, 'accesso', 'accesso_app');
      await expect(app.query(`UPDATE registro_prova SET nota = 'b'`)).rejects.toMatchObject(NEGATO);
      await expect(app.query(`DELETE FROM registro_prova`)).rejects.toMatchObject(NEGATO);
      await app.query(`INSERT INTO registro_prova VALUES (2, 'b')`);
      expect((await app.query(`SELECT has_table_privilege('persona', 'DELETE') AS d`)).rows[0].d).toBe(true);
    } finally {
      await owner.end();
    }
  });

  it('starts with the runtime role alone once the owner has migrated (migrations run by a separate job)', async () => {
    const { url } = await testServiceRoles(svc.databaseUrl, 'accesso');
    const options = serviceDataSourceOptions({
      url,
      schema: 'accesso',
      applicationName: 'accesso-prova',
      entities: ACCESSO_ENTITIES,
      migrations: ACCESSO_MIGRATIONS,
      poolSize: 1,
    });
    await expect(runMigrations({ ...options, url, schema: 'accesso' })).resolves.toEqual([]);
  });
});
