import type { QueryRunner } from 'typeorm';
import { createVoceAuditIndexes } from './create-voce-audit.migration';

export interface VoceAuditPrecedente {
  /** The service's own subject column before the shared shape, e.g. `persona_id`, `cartella_id`. */
  colonnaSoggetto: string;
  /** What that column identified: becomes `soggetto_tipo` of every existing row. */
  soggettoTipo: string;
  /** The index on that column, renamed rather than rebuilt. */
  indiceSoggetto: string;
}

/**
 * Brings a service's own `voce_audit` to the shared shape without touching a row (the append-only
 * trigger stays on): the subject column is renamed to `soggetto_id`, `soggetto_tipo` is added with a
 * constant default (PostgreSQL stores it in the catalogue, no rewrite, no UPDATE) and the default then
 * dropped, `codice_errore` added where missing, indexes renamed or completed.
 */
export async function upgradeVoceAudit(q: QueryRunner, da: VoceAuditPrecedente): Promise<void> {
  for (const nome of [da.colonnaSoggetto, da.indiceSoggetto])
    if (!/^[a-z_][a-z0-9_]*$/.test(nome)) throw new Error(`Nome non valido: ${nome}`);
  await q.query(`ALTER TABLE voce_audit RENAME COLUMN ${da.colonnaSoggetto} TO soggetto_id`);
  await q.query(
    `ALTER TABLE voce_audit ADD COLUMN soggetto_tipo text NOT NULL DEFAULT '${da.soggettoTipo.replace(/'/g, "''")}'`,
  );
  await q.query(`ALTER TABLE voce_audit ALTER COLUMN soggetto_tipo DROP DEFAULT`);
  await q.query(`ALTER TABLE voce_audit ADD COLUMN IF NOT EXISTS codice_errore text`);
  await q.query(`ALTER INDEX IF EXISTS ${da.indiceSoggetto} RENAME TO ix_voce_audit_soggetto`);
  await createVoceAuditIndexes(q);
}

/** The reverse of upgradeVoceAudit, for `down` (drops `soggetto_tipo`, and `codice_errore` if asked). */
export async function downgradeVoceAudit(
  q: QueryRunner,
  a: VoceAuditPrecedente & { senzaCodiceErrore?: boolean; senzaIndiceUtente?: boolean },
): Promise<void> {
  if (a.senzaIndiceUtente) await q.query(`DROP INDEX IF EXISTS ix_voce_audit_utente`);
  await q.query(`ALTER INDEX IF EXISTS ix_voce_audit_soggetto RENAME TO ${a.indiceSoggetto}`);
  if (a.senzaCodiceErrore) await q.query(`ALTER TABLE voce_audit DROP COLUMN codice_errore`);
  await q.query(`ALTER TABLE voce_audit DROP COLUMN soggetto_tipo`);
  await q.query(`ALTER TABLE voce_audit RENAME COLUMN soggetto_id TO ${a.colonnaSoggetto}`);
}
