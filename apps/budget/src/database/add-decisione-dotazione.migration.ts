import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each dotazione keeps the rule versions and the figures it was decided on (law as data). */
export class AddDecisioneDotazione1764000000100 implements MigrationInterface {
  name = 'AddDecisioneDotazione1764000000100';

  async up(q: QueryRunner): Promise<void> {
    // Dotazioni recorded before this migration have no recorded decision: an empty object says so.
    await q.query(`ALTER TABLE dotazione ADD COLUMN decisione jsonb NOT NULL DEFAULT '{}'::jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dotazione DROP COLUMN decisione`);
  }
}
