import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * More of the persona's registry data (issue 8): citizenship as the 3-digit ISTAT code SIUSS needs,
 * resident in Lombardy since, domicile distinct from residence. Nullable: earlier rows lack them.
 */
export class AddAnagraficaPersona1763900000002 implements MigrationInterface {
  name = 'AddAnagraficaPersona1763900000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE persona
        ADD COLUMN cittadinanza_istat text,
        ADD COLUMN residente_lombardia_dal date,
        ADD COLUMN comune_domicilio text,
        ADD COLUMN indirizzo_domicilio text
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE persona
        DROP COLUMN indirizzo_domicilio,
        DROP COLUMN comune_domicilio,
        DROP COLUMN residente_lombardia_dal,
        DROP COLUMN cittadinanza_istat
    `);
  }
}
