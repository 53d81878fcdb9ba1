import type { MigrationInterface, QueryRunner } from 'typeorm';
import { sqlValueList } from '@ambito/persistence';
import { ESITI_OBIETTIVO, TIPI_VOCE_DIARIO } from '@ambito/contracts';

/** Verifiche recorded against the obiettivi of an approved project, and their diario entry. */
export class AddVerifiche1764000000001 implements MigrationInterface {
  name = 'AddVerifiche1764000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE verifica (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        progetto_id uuid NOT NULL REFERENCES progetto (id),
        cartella_id uuid NOT NULL REFERENCES cartella (id),
        data date NOT NULL,
        esiti jsonb NOT NULL CHECK (jsonb_typeof(esiti) = 'array' AND jsonb_array_length(esiti) > 0),
        note text,
        registrata_da text NOT NULL,
        registrata_da_nome text NOT NULL,
        registrata_il timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_verifica_progetto ON verifica (progetto_id, data)`);
    await q.query(`
      CREATE FUNCTION verifica_esiti_validi() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM jsonb_array_elements(NEW.esiti) e WHERE NOT (e->>'esito' IN (${sqlValueList(ESITI_OBIETTIVO)}))) THEN
          RAISE EXCEPTION 'esito di obiettivo non valido' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER tr_verifica_esiti_validi BEFORE INSERT OR UPDATE ON verifica
      FOR EACH ROW EXECUTE FUNCTION verifica_esiti_validi()`);
    await q.query(`ALTER TABLE voce_diario DROP CONSTRAINT voce_diario_tipo_check`);
    await q.query(
      `ALTER TABLE voce_diario ADD CONSTRAINT voce_diario_tipo_check CHECK (tipo IN (${sqlValueList(TIPI_VOCE_DIARIO)}))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE verifica`);
    await q.query(`DROP FUNCTION verifica_esiti_validi`);
  }
}
