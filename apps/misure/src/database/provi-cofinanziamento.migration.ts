import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each Pro.Vi. rendiconto with what the budget registered for it (issue 10, point 4): the line and
 * determina it was charged with, the key it was sent with (one per rendiconto) and the budget's reply
 * (fund and ambito quotas, impegni, liquidazioni, the cofinanziamento rule's act). Rows written before
 * this column existed have no budget record (NULL); a new rendiconto with a reimbursement always has one.
 */
export class ProViCofinanziamento1796049000000 implements MigrationInterface {
  name = 'ProViCofinanziamento1796049000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE rendiconto_pro_vi
        ADD COLUMN linea text,
        ADD COLUMN determina_numero text,
        ADD COLUMN determina_data date,
        ADD COLUMN chiave_budget text,
        ADD COLUMN budget jsonb,
        ADD CONSTRAINT uq_rendiconto_pro_vi_chiave_budget UNIQUE (chiave_budget),
        ADD CONSTRAINT ck_rendiconto_pro_vi_budget CHECK ((budget IS NULL) = (chiave_budget IS NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE rendiconto_pro_vi
        DROP CONSTRAINT ck_rendiconto_pro_vi_budget,
        DROP CONSTRAINT uq_rendiconto_pro_vi_chiave_budget,
        DROP COLUMN budget, DROP COLUMN chiave_budget, DROP COLUMN determina_data,
        DROP COLUMN determina_numero, DROP COLUMN linea`);
  }
}
