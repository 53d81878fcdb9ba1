import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The professions as of this migration (written out: a later change of the contracts must not alter it). */
const PROFESSIONI = [
  'assistente-sociale',
  'educatore',
  'pedagogista',
  'psicologo',
  'amministrativo',
  'altro',
  'medico',
  'infermiere',
  'neuropsichiatra-infantile',
  'terapista',
];
const PROFESSIONI_PRIMA = PROFESSIONI.slice(0, 6);
const lista = (valori: string[]) => valori.map((v) => `'${v}'`).join(', ');

/** The Dopo di Noi équipe: ASST and external clinicians count as its clinical member. */
const REQUISITI_DDN = {
  descrizione: 'équipe multiprofessionale con almeno una componente clinica e una sociale',
  gruppi: [
    ['psicologo', 'medico', 'infermiere', 'neuropsichiatra-infantile', 'terapista'],
    ['assistente-sociale', 'educatore', 'pedagogista'],
  ],
};
const REQUISITI_DDN_PRIMA = {
  descrizione: REQUISITI_DDN.descrizione,
  gruppi: [['psicologo'], ['assistente-sociale', 'educatore', 'pedagogista']],
};

/**
 * Équipe members from the ASST and external entities (medico, infermiere, neuropsichiatra infantile,
 * terapista) with the ente that employs them, and for the LEPS servizio sociale professionale their
 * contract (indeterminato, determinato, altro) and full-time equivalent.
 */
export class AddEquipeProfessioniContratto1764000000005 implements MigrationInterface {
  name = 'AddEquipeProfessioniContratto1764000000005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE membro_equipe DROP CONSTRAINT membro_equipe_professione_check`);
    await q.query(
      `ALTER TABLE membro_equipe ADD CONSTRAINT membro_equipe_professione_check CHECK (professione IN (${lista(PROFESSIONI)}))`,
    );
    await q.query(`ALTER TABLE membro_equipe ADD COLUMN ente text`);
    await q.query(
      `ALTER TABLE membro_equipe ADD COLUMN contratto text CHECK (contratto IN ('indeterminato', 'determinato', 'altro'))`,
    );
    await q.query(`ALTER TABLE membro_equipe ADD COLUMN fte numeric(3,2) CHECK (fte > 0 AND fte <= 1)`);
    await q.query(
      `UPDATE strumento_valutazione SET requisiti_equipe = $1 WHERE codice = 'DDN' AND versione = 1`,
      [JSON.stringify(REQUISITI_DDN)],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `UPDATE strumento_valutazione SET requisiti_equipe = $1 WHERE codice = 'DDN' AND versione = 1`,
      [JSON.stringify(REQUISITI_DDN_PRIMA)],
    );
    await q.query(`ALTER TABLE membro_equipe DROP COLUMN fte`);
    await q.query(`ALTER TABLE membro_equipe DROP COLUMN contratto`);
    await q.query(`ALTER TABLE membro_equipe DROP COLUMN ente`);
    await q.query(`ALTER TABLE membro_equipe DROP CONSTRAINT membro_equipe_professione_check`);
    await q.query(
      `ALTER TABLE membro_equipe ADD CONSTRAINT membro_equipe_professione_check CHECK (professione IN (${lista(PROFESSIONI_PRIMA)}))`,
    );
  }
}
