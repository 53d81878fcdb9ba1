import { Client } from 'pg';
import { MigrazioniNonApplicateError, migrationTarget, runMigrations } from '@ambito/persistence';
import { createServiceTestDatabase, dropTestDatabase, type ServiceTestDatabase } from '@ambito/testing';
import { budgetDataSource, migrateBudget } from '../app/create-budget-app';
import type { BudgetConfig } from '../config/budget-config';

/**
 * Issue 13, point 3: in Kubernetes the migrations run as a Job before the rollout (`main.js migrate`, as the
 * schema's owner) and the pods only verify them (DATABASE_MIGRATIONS=verify, as the runtime role): a pod
 * refuses an old schema, and needs no owner's credentials.
 */
describe('migrations by a Job, verified by the pods', () => {
  let db: ServiceTestDatabase;
  let config: BudgetConfig;

  beforeAll(async () => {
    db = await createServiceTestDatabase('budget', 'migrazioni_job');
    config = {
      DATABASE_URL: db.url,
      DATABASE_MIGRATION_URL: db.migrationUrl,
      DATABASE_SCHEMA: 'budget',
      DATABASE_POOL_SIZE: 2,
      DATABASE_MIGRATIONS: 'verify',
    } as BudgetConfig;
  });
  afterAll(async () => {
    if (db) await dropTestDatabase(db.adminUrl);
  });

  const verify = () =>
    runMigrations({
      ...budgetDataSource(config),
      ...migrationTarget({ ...config, DATABASE_MIGRATION_URL: undefined }),
    });

  it('a pod that verifies refuses to start before the Job, naming what is missing, and applies nothing', async () => {
    await expect(verify()).rejects.toThrow(MigrazioniNonApplicateError);
    await expect(verify()).rejects.toThrow(
      /Lo schema budget ha \d+ migrazioni non applicate \(CreateOutboxInbox/,
    );
    const admin = new Client({ connectionString: db.adminUrl });
    await admin.connect();
    try {
      const { rows } = await admin.query(`SELECT to_regclass('budget.migrations') AS t`);
      expect(rows[0].t).toBeNull();
    } finally {
      await admin.end();
    }
  });

  it('the Job applies them as the owner even with verify set for the pods, then the pods start', async () => {
    const applied = await migrateBudget(config);
    expect(applied.length).toBeGreaterThan(3);
    expect(await migrateBudget(config)).toEqual([]);
    await expect(verify()).resolves.toEqual([]);
  });

  it('verify connects as the runtime role: the owner URL is not used', () => {
    expect(migrationTarget(config)).toEqual({ url: db.url, schema: 'budget', migrationMode: 'verify' });
    expect(migrationTarget({ ...config, DATABASE_MIGRATIONS: 'on-start' }).url).toBe(db.migrationUrl);
  });
});
