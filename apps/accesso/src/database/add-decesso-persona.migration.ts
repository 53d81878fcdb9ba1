import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The date of death of a persona, registered once (accesso.persona.registra-decesso). */
export class AddDecessoPersona1763900000003 implements MigrationInterface {
  name = 'AddDecessoPersona1763900000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE persona ADD COLUMN data_decesso date`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE persona DROP COLUMN data_decesso`);
  }
}
