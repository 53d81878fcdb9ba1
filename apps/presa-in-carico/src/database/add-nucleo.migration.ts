import type { MigrationInterface, QueryRunner } from 'typeorm';
import { sqlValueList } from '@ambito/persistence';
import { RELAZIONI_NUCLEO, TIPI_VOCE_DIARIO } from '@ambito/contracts';

/** The nucleo familiare of the person, and its diario entry type. */
export class AddNucleo1764000000003 implements MigrationInterface {
  name = 'AddNucleo1764000000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE membro_nucleo (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cartella_id uuid NOT NULL REFERENCES cartella (id),
        posizione integer NOT NULL,
        cognome text NOT NULL,
        nome text NOT NULL,
        codice_fiscale text,
        data_nascita date,
        relazione text NOT NULL CHECK (relazione IN (${sqlValueList(RELAZIONI_NUCLEO)})),
        convivente boolean NOT NULL,
        caregiver boolean NOT NULL,
        UNIQUE (cartella_id, posizione)
      )`);
    await q.query(`ALTER TABLE voce_diario DROP CONSTRAINT voce_diario_tipo_check`);
    await q.query(
      `ALTER TABLE voce_diario ADD CONSTRAINT voce_diario_tipo_check CHECK (tipo IN (${sqlValueList(TIPI_VOCE_DIARIO)}))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE membro_nucleo`);
  }
}
