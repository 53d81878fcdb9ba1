import { Client } from 'pg';
import { testServiceRoles } from '@ambito/testing';
import { startTestBudget, type TestBudget } from '../../test/budget-harness';

const NEGATO = { code: '42501' };

/**
 * Issue 14, point 3, for the ledger: budget's runtime role (budget_app) may append movements,
 * assegnazioni and dotazioni and read them, never change, delete or truncate them, nor disable the
 * triggers that keep them append-only and keep the balances.
 */
describe('PostgreSQL roles of budget: the ledger is append-only for budget_app', () => {
  let svc: TestBudget;
  let app: Client;

  beforeAll(async () => {
    svc = await startTestBudget();
    app = new Client({
      connectionString: (await testServiceRoles(svc.databaseUrl, 'budget')).url,
      options: '-c search_path=budget',
    });
    await app.connect();
  });
  afterAll(async () => {
    await app?.end();
    await svc?.close();
  });

  it('grants INSERT and SELECT only on movimento, assegnazione and dotazione; more on the rest', async () => {
    const { rows } = await app.query<{ tabella: string; privilegi: string[] }>(
      `SELECT c.relname AS tabella,
              array(SELECT p FROM unnest(ARRAY['SELECT','INSERT','UPDATE','DELETE','TRUNCATE','TRIGGER']) p
                     WHERE has_table_privilege(c.oid, p) ORDER BY p) AS privilegi
         FROM pg_class c WHERE c.relnamespace = 'budget'::regnamespace AND c.relkind = 'r' ORDER BY 1`,
    );
    const per = Object.fromEntries(rows.map((r) => [r.tabella, r.privilegi]));
    for (const registro of ['movimento', 'assegnazione', 'dotazione', 'mandato']) {
      expect([registro, per[registro]]).toEqual([registro, ['INSERT', 'SELECT']]);
    }
    // The balances and the impegno projection are updated by the movimento trigger, as budget_app.
    for (const tabella of [
      'impegno',
      'saldo_dotazione',
      'saldo_annualita',
      'liquidazione',
      'linea',
      'abilitazione_servizio',
    ]) {
      expect([tabella, per[tabella]]).toEqual([tabella, ['DELETE', 'INSERT', 'SELECT', 'UPDATE']]);
    }
  });

  it('refuses UPDATE, DELETE and TRUNCATE of the ledger, with or without session_replication_role', async () => {
    for (const registro of ['movimento', 'assegnazione', 'dotazione', 'mandato']) {
      const o = registro === 'movimento' || registro === 'mandato' ? 'o' : 'a';
      await expect(app.query(`UPDATE ${registro} SET registrat${o}_da = 'x'`)).rejects.toMatchObject(NEGATO);
      await expect(app.query(`DELETE FROM ${registro}`)).rejects.toMatchObject(NEGATO);
      await expect(app.query(`TRUNCATE ${registro}`)).rejects.toMatchObject(NEGATO);
      await expect(app.query(`ALTER TABLE ${registro} DISABLE TRIGGER ALL`)).rejects.toMatchObject(NEGATO);
    }
    await expect(app.query(`SET session_replication_role = replica`)).rejects.toMatchObject(NEGATO);
    await expect(app.query(`DELETE FROM movimento`)).rejects.toMatchObject(NEGATO);
  });
});
