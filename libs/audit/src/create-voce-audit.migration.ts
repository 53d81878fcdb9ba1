import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ESITI_AUDIT } from '@ambito/contracts';
import { makeAppendOnly, sqlValueList } from '@ambito/persistence';

export const MESSAGGIO_APPEND_ONLY = 'il registro di audit non si modifica né si cancella';

/** The indexes of `voce_audit` the queries of AuditService use (period, subject, user). */
export async function createVoceAuditIndexes(q: QueryRunner): Promise<void> {
  await q.query(`CREATE INDEX IF NOT EXISTS ix_voce_audit_il ON voce_audit (il DESC)`);
  await q.query(`CREATE INDEX IF NOT EXISTS ix_voce_audit_soggetto ON voce_audit (soggetto_id, il DESC)`);
  await q.query(`CREATE INDEX IF NOT EXISTS ix_voce_audit_utente ON voce_audit (utente, il DESC)`);
}

/**
 * The migration that creates the shared audit table in a new service's schema, append-only:
 *
 *   migrations: [CreateMyTables1770000000000, createVoceAuditMigration(1770000000001)]
 *
 * `timestamp` orders it among the service's own migrations (TypeORM reads it from the name).
 */
export function createVoceAuditMigration(timestamp: number): new () => MigrationInterface {
  const name = `CreateVoceAudit${timestamp}`;
  const migration = class implements MigrationInterface {
    name = name;

    async up(q: QueryRunner): Promise<void> {
      await q.query(`
        CREATE TABLE voce_audit (
          id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
          il timestamptz NOT NULL DEFAULT clock_timestamp(),
          utente text NOT NULL,
          ruoli text[] NOT NULL,
          azione text NOT NULL,
          risorsa text NOT NULL,
          risorsa_id text,
          soggetto_tipo text NOT NULL,
          soggetto_id uuid,
          motivo text,
          esito text NOT NULL CHECK (esito IN (${sqlValueList(ESITI_AUDIT)})),
          codice_errore text,
          correlation_id text
        )`);
      await createVoceAuditIndexes(q);
      await makeAppendOnly(q, 'voce_audit', MESSAGGIO_APPEND_ONLY);
    }

    async down(q: QueryRunner): Promise<void> {
      await q.query(`DROP TABLE voce_audit`);
      await q.query(`DROP FUNCTION voce_audit_append_only`);
    }
  };
  // TypeORM sorts migrations by the timestamp at the end of the class name.
  Object.defineProperty(migration, 'name', { value: name });
  return migration;
}

/**
 * The migration that adds the purpose code (`finalita`) and the criteria of searches (`criteri`) to a
 * service's `voce_audit`: new nullable columns, no row rewritten, the append-only trigger untouched.
 */
export function addFinalitaVoceAuditMigration(timestamp: number): new () => MigrationInterface {
  const name = `AddFinalitaVoceAudit${timestamp}`;
  const migration = class implements MigrationInterface {
    name = name;

    async up(q: QueryRunner): Promise<void> {
      await q.query(`ALTER TABLE voce_audit ADD COLUMN finalita text, ADD COLUMN criteri jsonb`);
    }

    async down(q: QueryRunner): Promise<void> {
      await q.query(`ALTER TABLE voce_audit DROP COLUMN criteri, DROP COLUMN finalita`);
    }
  };
  Object.defineProperty(migration, 'name', { value: name });
  return migration;
}
