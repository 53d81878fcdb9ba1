import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The istruttoria's snapshot and valutazione as `json`, not `jsonb`: they are written once per istanza
 * and run (100,000 rows in a bulk istruttoria) and always read whole, never searched inside, so the
 * binary form's conversion on every write buys nothing (ADR 0006). The text keeps the engine's own key
 * order too, which is the order an operator reads the rules in.
 */
export class IstruttoriaJson1796046900000 implements MigrationInterface {
  name = 'IstruttoriaJson1796046900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE istruttoria ALTER COLUMN input TYPE json USING input::json,
                               ALTER COLUMN valutazione TYPE json USING valutazione::json`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE istruttoria ALTER COLUMN input TYPE jsonb USING input::jsonb,
                               ALTER COLUMN valutazione TYPE jsonb USING valutazione::jsonb`,
    );
  }
}
