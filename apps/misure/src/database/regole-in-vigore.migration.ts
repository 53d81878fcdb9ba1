import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The lookup of the rule set in force for a measure on a day (every istanza, every simulation): the
 * in-force versions of a measure, by start of validity.
 */
export class IndiceRegoleInVigore1796046100000 implements MigrationInterface {
  name = 'IndiceRegoleInVigore1796046100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX ix_regole_misura_in_vigore ON regole_misura (ambito, misura, valido_dal) WHERE stato = 'in-vigore'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_regole_misura_in_vigore`);
  }
}
