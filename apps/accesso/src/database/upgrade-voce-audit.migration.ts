import type { MigrationInterface, QueryRunner } from 'typeorm';
import { downgradeVoceAudit, upgradeVoceAudit } from '@ambito/audit';

const PRECEDENTE = {
  colonnaSoggetto: 'persona_id',
  soggettoTipo: 'persona',
  indiceSoggetto: 'ix_voce_audit_persona',
};

/**
 * The audit log in the shape shared through @ambito/audit, every row kept as it was: `persona_id`
 * becomes `soggetto_id` with `soggetto_tipo` = 'persona', refusals gain `codice_errore` (null before).
 */
export class UpgradeVoceAudit1763900000001 implements MigrationInterface {
  name = 'UpgradeVoceAudit1763900000001';

  async up(q: QueryRunner): Promise<void> {
    await upgradeVoceAudit(q, PRECEDENTE);
  }

  async down(q: QueryRunner): Promise<void> {
    await downgradeVoceAudit(q, { ...PRECEDENTE, senzaCodiceErrore: true });
  }
}
