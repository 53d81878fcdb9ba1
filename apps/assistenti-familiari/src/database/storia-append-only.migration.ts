import type { MigrationInterface, QueryRunner } from 'typeorm';
import { makeAppendOnly } from '@ambito/persistence';

/** The history of the iscrizioni is append-only: the runtime role may insert and read it, nothing more. */
export class StoriaAppendOnly1796047000100 implements MigrationInterface {
  name = 'StoriaAppendOnly1796047000100';

  async up(q: QueryRunner): Promise<void> {
    await makeAppendOnly(
      q,
      'storia_iscrizione',
      'La storia delle iscrizioni non si modifica né si cancella.',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER tr_storia_iscrizione_append_only ON storia_iscrizione`);
    await q.query(`DROP TRIGGER tr_storia_iscrizione_no_truncate ON storia_iscrizione`);
    await q.query(`DROP FUNCTION storia_iscrizione_append_only()`);
  }
}
