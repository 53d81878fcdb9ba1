import type { MigrationInterface, QueryRunner } from 'typeorm';
import { downgradeVoceAudit, upgradeVoceAudit } from '@ambito/audit';

const PRECEDENTE = {
  colonnaSoggetto: 'cartella_id',
  soggettoTipo: 'cartella',
  indiceSoggetto: 'ix_voce_audit_cartella',
};

/**
 * The audit log in the shape shared through @ambito/audit, every row kept as it was: `cartella_id`
 * becomes `soggetto_id` with `soggetto_tipo` = 'cartella'; the index by user is added.
 */
export class UpgradeVoceAudit1764000000004 implements MigrationInterface {
  name = 'UpgradeVoceAudit1764000000004';

  async up(q: QueryRunner): Promise<void> {
    await upgradeVoceAudit(q, PRECEDENTE);
  }

  async down(q: QueryRunner): Promise<void> {
    await downgradeVoceAudit(q, { ...PRECEDENTE, senzaIndiceUtente: true });
  }
}
