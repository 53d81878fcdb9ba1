import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Written out: a later change of the contracts must not alter what this migration does. */
const RELAZIONI_PRIMA = [
  'coniuge',
  'unito-civilmente',
  'convivente',
  'figlio',
  'genitore',
  'fratello-sorella',
  'nonno-nonna',
  'nipote',
  'altro-parente',
  'tutore',
  'amministratore-di-sostegno',
  'altro',
  'suocero-suocera',
  'genero-nuora',
  'figlio-del-coniuge',
  'coniuge-del-genitore',
  'cognato-cognata',
];
const AFFINI_SECONDO_GRADO = [
  'nonno-nonna-del-coniuge',
  'nipote-del-coniuge',
  'coniuge-del-nonno-nonna',
  'coniuge-del-nipote',
];
const lista = (valori: string[]) => valori.map((v) => `'${v}'`).join(', ');

/**
 * The budget di progetto beyond money and tied to the Ambito's budget: an intervento names the
 * budget's fund, line and annualità (all three or none; the budget's codes), and the professional,
 * human and relational resources of a project version are rows of their own. The rest of the affini
 * of the 2nd degree among the relations of the nucleo. The cartella remembers the persona of the
 * accesso registry it belongs to, so that a change of residence there can move it.
 */
export class AddBudgetProgettoResidenza1764700000000 implements MigrationInterface {
  name = 'AddBudgetProgettoResidenza1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE intervento
        ADD COLUMN imputazione_fondo text CHECK (imputazione_fondo ~ '^[A-Z0-9][A-Z0-9.-]{0,39}$'),
        ADD COLUMN imputazione_linea text CHECK (imputazione_linea ~ '^[A-Z0-9][A-Z0-9.-]{0,39}$'),
        ADD COLUMN imputazione_annualita smallint CHECK (imputazione_annualita BETWEEN 2000 AND 2100),
        ADD CONSTRAINT ck_intervento_imputazione_completa CHECK (
          (imputazione_fondo IS NULL) = (imputazione_linea IS NULL)
          AND (imputazione_fondo IS NULL) = (imputazione_annualita IS NULL))`);
    await q.query(`
      CREATE TABLE risorsa_progetto (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        progetto_id uuid NOT NULL REFERENCES progetto (id),
        posizione integer NOT NULL,
        tipo text NOT NULL CHECK (tipo IN ('professionale', 'umana', 'relazionale')),
        descrizione text NOT NULL,
        fornita_da text NOT NULL,
        impegno_quantita integer CHECK (impegno_quantita > 0),
        impegno_unita text CHECK (impegno_unita IN ('ore-settimana', 'ore-mese', 'accessi-settimana', 'accessi-mese', 'una-tantum')),
        CHECK ((impegno_quantita IS NULL) = (impegno_unita IS NULL)),
        UNIQUE (progetto_id, posizione)
      )`);
    await q.query(`ALTER TABLE membro_nucleo DROP CONSTRAINT membro_nucleo_relazione_check`);
    await q.query(
      `ALTER TABLE membro_nucleo ADD CONSTRAINT membro_nucleo_relazione_check CHECK (relazione IN (${lista([...RELAZIONI_PRIMA, ...AFFINI_SECONDO_GRADO])}))`,
    );
    await q.query(`ALTER TABLE cartella ADD COLUMN persona_id uuid`);
    await q.query(`CREATE INDEX ix_cartella_persona ON cartella (persona_id) WHERE persona_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_cartella_persona`);
    await q.query(`ALTER TABLE cartella DROP COLUMN persona_id`);
    await q.query(`ALTER TABLE membro_nucleo DROP CONSTRAINT membro_nucleo_relazione_check`);
    await q.query(
      `ALTER TABLE membro_nucleo ADD CONSTRAINT membro_nucleo_relazione_check CHECK (relazione IN (${lista(RELAZIONI_PRIMA)}))`,
    );
    await q.query(`DROP TABLE risorsa_progetto`);
    await q.query(`
      ALTER TABLE intervento
        DROP CONSTRAINT ck_intervento_imputazione_completa,
        DROP COLUMN imputazione_fondo, DROP COLUMN imputazione_linea, DROP COLUMN imputazione_annualita`);
  }
}
