import type { MigrationInterface, QueryRunner } from 'typeorm';
import { sqlValueList } from '@ambito/persistence';
import { CATEGORIE_LINEA } from '@ambito/contracts';

/** The line categories before this migration, for `down`. */
const CATEGORIE_PRECEDENTI = CATEGORIE_LINEA.filter(
  (c) => c !== 'segretariato-sociale' && c !== 'servizio-sociale-professionale',
);

/**
 * Domain fidelity (issue 8): each fund rule version names its act (number and date); the LEPS of access and taking charge become line categories that the
 * Fondo Povertà quota servizi may finance (the PO 2020's objective 7.2 "ricomprende la QSFP", seed
 * 002); the quota pro-capite is deliberated per ambito and year with its act (number, date, body) and
 * may be marked as a placeholder; the population figures record their source.
 */
export class FedeltaDominio1764620000000 implements MigrationInterface {
  name = 'FedeltaDominio1764620000000';

  async up(q: QueryRunner): Promise<void> {
    // Each rule version names its act's number and date; versions seeded earlier get them where the act
    // is a known law (the regional DGR of the others are left to be filled by a new version).
    await q.query(`ALTER TABLE regola_fondo ADD COLUMN atto_numero text, ADD COLUMN atto_data date`);
    const atti: Array<[string, string, string]> = [
      ['QSFP', '147/2017', '2017-09-15'],
      ['QPE', '147/2017', '2017-09-15'],
      ['DDN', '112/2016', '2016-06-22'],
    ];
    for (const [fondo, numero, data] of atti)
      await q.query(`UPDATE regola_fondo SET atto_numero = $2, atto_data = $3 WHERE fondo = $1`, [
        fondo,
        numero,
        data,
      ]);
    await this.categorie(q, CATEGORIE_LINEA);
    // Same start as the fund's existing versions: the act (D.Lgs. 147/2017 art. 7) did not change.
    const ammesse: Array<[string, string]> = [
      ['QSFP', 'D.Lgs. 147/2017 art. 7: Quota servizi per i LEPS di accesso e presa in carico'],
      ['FNPS', 'DM di riparto FNPS'],
    ];
    for (const [fondo, atto] of ammesse) {
      for (const categoria of ['segretariato-sociale', 'servizio-sociale-professionale']) {
        await q.query(
          `INSERT INTO regola_fondo (fondo, tipo, categoria, valido_dal, atto, atto_numero, atto_data)
           SELECT $1, 'categoria-ammessa', $2, min(valido_dal), $3, min(atto_numero), min(atto_data) FROM regola_fondo
            WHERE fondo = $1 AND tipo = 'categoria-ammessa' HAVING count(*) > 0`,
          [fondo, categoria, atto],
        );
      }
    }

    // Rows recorded before were the Cremasco demo's, without the act's number: marked to be checked.
    await q.query(`
      ALTER TABLE quota_capitaria
        ADD COLUMN ambito text NOT NULL DEFAULT 'AT-CREMASCO',
        ADD COLUMN atto_numero text,
        ADD COLUMN atto_data date,
        ADD COLUMN atto_organo text,
        ADD COLUMN da_verificare boolean NOT NULL DEFAULT false`);
    await q.query(`UPDATE quota_capitaria SET da_verificare = true`);
    await q.query(`ALTER TABLE quota_capitaria ALTER COLUMN ambito DROP DEFAULT`);
    await q.query(`DROP INDEX ix_quota_capitaria_anno`);
    await q.query(
      `CREATE INDEX ix_quota_capitaria_ambito_anno ON quota_capitaria (ambito, anno, registrata_il DESC)`,
    );
    // A comune's inhabitants count for the ambito it belongs to (the Cremasco demo's, before this).
    await q.query(`
      ALTER TABLE abitanti_comune ADD COLUMN ambito text NOT NULL DEFAULT 'AT-CREMASCO',
        ADD COLUMN fonte text NOT NULL DEFAULT 'non indicata'`);
    await q.query(
      `ALTER TABLE abitanti_comune ALTER COLUMN ambito DROP DEFAULT, ALTER COLUMN fonte DROP DEFAULT`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE abitanti_comune DROP COLUMN ambito, DROP COLUMN fonte`);
    await q.query(`DROP INDEX ix_quota_capitaria_ambito_anno`);
    await q.query(`CREATE INDEX ix_quota_capitaria_anno ON quota_capitaria (anno, registrata_il DESC)`);
    await q.query(`
      ALTER TABLE quota_capitaria DROP COLUMN ambito, DROP COLUMN atto_numero, DROP COLUMN atto_data,
        DROP COLUMN atto_organo, DROP COLUMN da_verificare`);
    await q.query(
      `DELETE FROM regola_fondo WHERE categoria IN ('segretariato-sociale', 'servizio-sociale-professionale')`,
    );
    await this.categorie(q, CATEGORIE_PRECEDENTI);
    await q.query(`ALTER TABLE regola_fondo DROP COLUMN atto_numero, DROP COLUMN atto_data`);
  }

  private async categorie(q: QueryRunner, categorie: readonly string[]): Promise<void> {
    for (const tabella of ['linea', 'regola_fondo'])
      await q.query(
        `ALTER TABLE ${tabella} DROP CONSTRAINT ${tabella}_categoria_check,
           ADD CONSTRAINT ${tabella}_categoria_check CHECK (categoria IN (${sqlValueList(categorie)}))`,
      );
  }
}
