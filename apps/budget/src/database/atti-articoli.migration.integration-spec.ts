import { Client } from 'pg';
import { VoceAuditEntity } from '@ambito/audit';
import { migrationTarget, runMigrations, serviceDataSourceOptions } from '@ambito/persistence';
import { createServiceTestDatabase, dropTestDatabase, type ServiceTestDatabase } from '@ambito/testing';
import { AttiArticoli1764700000000 } from './atti-articoli.migration';
import { BUDGET_MIGRATIONS } from './migrations';

/**
 * Issue 8, point 5, on a database written before it: the ledger's old names become the accounting's
 * (liberazione → riduzione, causale riduzione → economia), the textual mandati become mandato rows
 * whose payments enter the ledger, and the balances stay those of the ledger.
 */
describe('migration AttiArticoli on a ledger written before it', () => {
  let db: ServiceTestDatabase;
  let pg: Client;
  const migra = (migrations: typeof BUDGET_MIGRATIONS) =>
    runMigrations({
      ...serviceDataSourceOptions({
        url: db.migrationUrl,
        schema: 'budget',
        applicationName: 'budget-migrazione',
        entities: [VoceAuditEntity],
        migrations,
      }),
      ...migrationTarget({
        DATABASE_URL: db.url,
        DATABASE_MIGRATION_URL: db.migrationUrl,
        DATABASE_SCHEMA: 'budget',
      }),
    });
  const sql = async <T = Record<string, unknown>>(text: string, params?: unknown[]) =>
    (await pg.query(text, params)).rows as T[];

  beforeAll(async () => {
    db = await createServiceTestDatabase('budget', 'budget_migr');
    // Every migration before this one: the ledger as it was written then.
    await migra(BUDGET_MIGRATIONS.slice(0, BUDGET_MIGRATIONS.indexOf(AttiArticoli1764700000000)));
    pg = new Client({ connectionString: db.adminUrl, options: '-c search_path=budget' });
    await pg.connect();
    // The first migration reads the movement types from the contracts, which now name the new ones: a
    // database migrated before this change has the old list, as restored here.
    await sql(`ALTER TABLE movimento DROP CONSTRAINT movimento_tipo_check, ADD CONSTRAINT movimento_tipo_check
                 CHECK (tipo IN ('assegnazione', 'dotazione', 'impegno', 'liberazione', 'liquidazione'))`);
    // What the service wrote before: a B2 line, an impegno, a liquidazione with a textual mandato, a
    // liberazione with causale "riduzione".
    await sql(`
      WITH a AS (INSERT INTO annualita (fondo, anno) VALUES ('FNA-B2', 2019) RETURNING id),
           s AS (INSERT INTO assegnazione (annualita_id, atto_tipo, atto_numero, atto_data, importo_centesimi, registrata_da)
                 SELECT id, 'dgr', 'X/1', '2019-12-01', 100000, 'udp' FROM a RETURNING id, annualita_id)
      INSERT INTO movimento (tipo, importo_centesimi, annualita_id, assegnazione_id, registrato_da)
      SELECT 'assegnazione', 100000, annualita_id, id, 'udp' FROM s`);
    await sql(`INSERT INTO linea (codice, denominazione, esercizio, categoria, preventivo_centesimi, registrata_da)
               VALUES ('PO2020-7.10', 'Misure', 2020, 'misure-b2', 100000, 'udp')`);
    await sql(`
      WITH d AS (INSERT INTO dotazione (annualita_id, linea_id, importo_centesimi, registrata_da)
                 SELECT a.id, l.id, 100000, 'udp' FROM annualita a, linea l RETURNING *)
      INSERT INTO movimento (tipo, importo_centesimi, annualita_id, linea_id, dotazione_id, registrato_da)
      SELECT 'dotazione', 100000, annualita_id, linea_id, id, 'udp' FROM d`);
    await sql(`
      WITH i AS (INSERT INTO impegno (chiave_idempotenza, impronta, linea_id, annualita_id, descrizione, importo_iniziale_centesimi, registrato_da)
                 SELECT 'demo:1', 'x', l.id, a.id, 'Buono', 48000, 'udp' FROM annualita a, linea l RETURNING *)
      INSERT INTO movimento (tipo, importo_centesimi, annualita_id, linea_id, impegno_id, registrato_da)
      SELECT 'impegno', 48000, annualita_id, linea_id, id, 'udp' FROM i`);
    await sql(`
      WITH q AS (INSERT INTO liquidazione (impegno_id, importo_centesimi, periodo, mandato, registrata_da)
                 SELECT id, 4000, '2020-03', 'MAND-2020-7', 'udp' FROM impegno RETURNING *)
      INSERT INTO movimento (tipo, importo_centesimi, annualita_id, linea_id, impegno_id, liquidazione_id, registrato_da)
      SELECT 'liquidazione', 4000, i.annualita_id, i.linea_id, i.id, q.id, 'udp' FROM q JOIN impegno i ON i.id = q.impegno_id`);
    await sql(`
      INSERT INTO movimento (tipo, importo_centesimi, annualita_id, linea_id, impegno_id, causale, registrato_da)
      SELECT 'liberazione', 8000, annualita_id, linea_id, id, 'riduzione', 'udp' FROM impegno`);
    await migra(BUDGET_MIGRATIONS);
  });
  afterAll(async () => {
    await pg?.end();
    if (db) await dropTestDatabase(db.adminUrl);
  });

  it('renames the old movements and causali, adds the payments of the old mandati, keeps amounts', async () => {
    expect(
      await sql(
        `SELECT tipo, causale, importo_centesimi AS importo FROM movimento WHERE impegno_id IS NOT NULL ORDER BY id`,
      ),
    ).toEqual([
      { tipo: 'impegno', causale: null, importo: '48000' },
      { tipo: 'liquidazione', causale: null, importo: '4000' },
      { tipo: 'riduzione', causale: 'economia', importo: '8000' },
      { tipo: 'pagamento', causale: null, importo: '4000' },
    ]);
    // its date was never recorded: the esercizio is the year the liquidazione was registered in
    expect(await sql(`SELECT numero, esercizio, data, migrato FROM mandato`)).toEqual([
      { numero: 'MAND-2020-7', esercizio: new Date().getUTCFullYear(), data: null, migrato: true },
    ]);
    const [liquidazione] = await sql<{ pagata: boolean }>(
      `SELECT mandato_id IS NOT NULL AS pagata FROM liquidazione`,
    );
    expect(liquidazione.pagata).toBe(true);
    expect(
      await sql(`SELECT impegnato_centesimi AS impegnato, liquidato_centesimi AS liquidato, pagato_centesimi AS pagato
                   FROM saldo_dotazione`),
    ).toEqual([{ impegnato: '40000', liquidato: '4000', pagato: '4000' }]);
    expect(
      await sql(
        `SELECT importo_centesimi AS importo, liquidato_centesimi AS liquidato, pagato_centesimi AS pagato FROM impegno`,
      ),
    ).toEqual([{ importo: '40000', liquidato: '4000', pagato: '4000' }]);
  });

  it('keeps the old impegno without determina, and refuses a new one without it', async () => {
    await expect(
      sql(`INSERT INTO impegno (chiave_idempotenza, impronta, linea_id, annualita_id, descrizione, importo_iniziale_centesimi, registrato_da)
           SELECT 'nuovo:1', 'x', linea_id, annualita_id, 'Buono', 100, 'udp' FROM impegno`),
    ).rejects.toThrow(/ck_impegno_atto_creditore/);
    // and the ledger is append-only again once renamed
    await expect(sql(`UPDATE movimento SET causale = 'revoca' WHERE tipo = 'riduzione'`)).rejects.toThrow(
      /non si modifica/,
    );
  });
});
