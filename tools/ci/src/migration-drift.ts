/* eslint-disable @nx/enforce-module-boundaries --
 * The drift check reads what each service declares (entities, migrations) and the shared persistence
 * options: it must import the apps' database files and @ambito/persistence, which a tool otherwise may not.
 */
/**
 * Migration drift: for each service that owns data, apply its migrations to an empty schema of a real
 * (embedded) PostgreSQL, then ask TypeORM which statements it would generate to match the entities
 * the service declares. Any statement means an entity and the migrations disagree: the check fails
 * and lists them. Budget and integrazioni keep most of their data behind SQL (no entities): only what
 * they declare (the audit entity and the outbox/inbox entities every service shares) is compared there.
 *
 * What the migrations add and the entities do not mention is not drift (the invariants live in the
 * migrations): TypeORM would drop those objects, so these statements are only counted, not failed on
 * (DRIFT_STRICT=1 fails on them too):
 *  - DROP INDEX (indexes declared only in migrations),
 *  - ALTER TABLE … DROP CONSTRAINT (CHECK / UNIQUE / foreign keys declared only in migrations),
 *  - ALTER TABLE … ALTER COLUMN … DROP DEFAULT (a default only the database knows),
 *  - ADD CONSTRAINT … FOREIGN KEY when the same foreign key (columns, referenced table and columns)
 *    already exists under PostgreSQL's name instead of TypeORM's.
 *
 * Run: npx nx run ci:migration-drift   (builds, then node -r ./tools/runtime/register.js dist/tools/ci/src/migration-drift.js)
 */
import { DataSource } from 'typeorm';
import { runMigrations, serviceDataSourceOptions, type ServiceDataSourceConfig } from '@ambito/persistence';
import { startEmbeddedPostgres } from '@ambito/testing';
import { ACCESSO_ENTITIES } from '../../../apps/accesso/src/database/entities';
import { ACCESSO_MIGRATIONS } from '../../../apps/accesso/src/database/migrations';
import { PRESA_IN_CARICO_ENTITIES } from '../../../apps/presa-in-carico/src/database/entities';
import { PRESA_IN_CARICO_MIGRATIONS } from '../../../apps/presa-in-carico/src/database/migrations';
import { BUDGET_MIGRATIONS } from '../../../apps/budget/src/database/migrations';
import { INTEGRAZIONI_ENTITIES } from '../../../apps/integrazioni/src/database/entities';
import { INTEGRAZIONI_MIGRATIONS } from '../../../apps/integrazioni/src/database/migrations';
import { VoceAuditEntity } from '@ambito/audit';

type ServiceSchema = Pick<ServiceDataSourceConfig, 'schema' | 'entities' | 'migrations'> & {
  service: string;
};

/** The entities and migrations each service declares (apps/<service>/src/database). */
const SERVICES: ServiceSchema[] = [
  {
    service: 'accesso',
    schema: 'accesso',
    entities: ACCESSO_ENTITIES,
    migrations: ACCESSO_MIGRATIONS,
  },
  {
    service: 'presa-in-carico',
    schema: 'presa_in_carico',
    entities: PRESA_IN_CARICO_ENTITIES,
    migrations: PRESA_IN_CARICO_MIGRATIONS,
  },
  {
    service: 'budget',
    schema: 'budget',
    entities: [VoceAuditEntity],
    migrations: BUDGET_MIGRATIONS,
  },
  {
    // Like budget, its data is behind SQL (consultazioni, SIUSS records, GePI imports): the audit
    // entity and the outbox/inbox ones are compared.
    service: 'integrazioni',
    schema: 'integrazioni',
    entities: INTEGRAZIONI_ENTITIES,
    migrations: INTEGRAZIONI_MIGRATIONS,
  },
];

export interface Drift {
  /** Statements that show the entities and the migrations disagree. */
  drift: string[];
  /** Statements that would only remove what the migrations add beyond the entities (see above). */
  databaseOnly: string[];
}

const DATABASE_ONLY = [
  /^DROP INDEX /,
  /^ALTER TABLE "[^"]+" DROP CONSTRAINT "[^"]+"$/,
  /^ALTER TABLE "[^"]+" ALTER COLUMN "[^"]+" DROP DEFAULT$/,
];
const ADD_FOREIGN_KEY =
  /^ALTER TABLE "([^"]+)" ADD CONSTRAINT "[^"]+" FOREIGN KEY \(([^)]+)\) REFERENCES "([^"]+)"\(([^)]+)\)/;
const names = (list: string) => list.split(',').map((n) => n.trim().replace(/^"|"$/g, ''));
const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** The statements TypeORM would generate for this service after its migrations ran, sorted out. */
export async function driftOf(url: string, service: ServiceSchema): Promise<Drift> {
  const options = serviceDataSourceOptions({
    url,
    schema: service.schema,
    applicationName: 'migration-drift',
    entities: service.entities,
    migrations: service.migrations,
    poolSize: 2,
  });
  await runMigrations({ ...options, url, schema: service.schema });
  const dataSource = new DataSource(options);
  await dataSource.initialize();
  try {
    const sql = await dataSource.driver.createSchemaBuilder().log();
    const result: Drift = { drift: [], databaseOnly: [] };
    const runner = dataSource.createQueryRunner();
    try {
      for (const q of sql.upQueries) {
        const statement = q.parameters?.length ? `${q.query} -- ${JSON.stringify(q.parameters)}` : q.query;
        let databaseOnly = DATABASE_ONLY.some((pattern) => pattern.test(q.query));
        const fk = ADD_FOREIGN_KEY.exec(q.query);
        if (fk) {
          const [, table, columns, referenced, referencedColumns] = fk;
          const existing = (await runner.getTable(`${service.schema}.${table}`))?.foreignKeys ?? [];
          databaseOnly = existing.some(
            (key) =>
              key.referencedTableName.replace(/^.*\./, '') === referenced &&
              sameSet(key.columnNames, names(columns)) &&
              sameSet(key.referencedColumnNames, names(referencedColumns)),
          );
        }
        (databaseOnly && process.env.DRIFT_STRICT !== '1' ? result.databaseOnly : result.drift).push(
          statement,
        );
      }
    } finally {
      await runner.release();
    }
    return result;
  } finally {
    await dataSource.destroy();
  }
}

async function main(): Promise<number> {
  const external = process.env.DRIFT_DATABASE_URL;
  const postgres = external ? undefined : await startEmbeddedPostgres();
  let failures = 0;
  try {
    for (const service of SERVICES) {
      // One fresh database per service: nothing left over from another service's migrations.
      const database = `drift_${service.schema}_${Date.now()}`;
      const url = postgres ? await postgres.createDatabase(database) : external!;
      const started = Date.now();
      const { drift: statements, databaseOnly } = await driftOf(url, service);
      const took = `${Date.now() - started} ms`;
      const extra = databaseOnly.length
        ? `; ${databaseOnly.length} index/constraint/default statement(s) for what only the migrations declare, ignored`
        : '';
      if (statements.length === 0) {
        console.log(
          `ok    ${service.service} (schema ${service.schema}): entities match the migrations (${took}${extra})`,
        );
        if (process.env.DRIFT_VERBOSE === '1') for (const s of databaseOnly) console.log(`      ${s};`);
      } else {
        failures++;
        console.error(
          `DRIFT ${service.service} (schema ${service.schema}): the migrations lack ${statements.length} statement(s) for the entities:`,
        );
        for (const statement of statements) console.error(`      ${statement};`);
      }
    }
  } finally {
    await postgres?.stop();
  }
  if (failures)
    console.error(`migration drift in ${failures} service(s): add a migration (or fix the entity).`);
  return failures ? 1 : 0;
}

if (require.main === module) {
  // process.exit: the embedded PostgreSQL helper's exit hooks must not decide the exit code.
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(2);
    },
  );
}
