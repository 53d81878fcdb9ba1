import { randomUUID } from 'node:crypto';
import { DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import { DomainError, type Actor } from '@ambito/contracts';
import { RequestContext } from '@ambito/messaging';
import { makeAppendOnly, runMigrations, serviceDataSourceOptions } from '@ambito/persistence';
import { createTestDatabase, dropTestDatabase, rifiuto, testActor } from '@ambito/testing';
import { AuditService, criteriDaRegistrare } from './audit.service';
import { addFinalitaVoceAuditMigration, createVoceAuditMigration } from './create-voce-audit.migration';
import { RegistroAudit } from './registro-audit';
import { upgradeVoceAudit } from './upgrade-voce-audit';
import { VoceAuditEntity } from './voce-audit.entity';
import { WriteGate } from './write-gate';

/** An aggregate to write through the gate: a pratica of a sub-ambito. */
class CreatePratica1770000000000 implements MigrationInterface {
  name = 'CreatePratica1770000000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE pratica (id uuid PRIMARY KEY, sub_ambito text NOT NULL, stato text NOT NULL)`,
    );
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE pratica`);
  }
}

interface Pratica {
  id: string;
  sub_ambito: string;
  stato: string;
}

const SCHEMA = 'audit_test';
const operatore = testActor('operatore.crema', ['operatore-accesso'], ['SA-CREMA']);

async function openDataSource(
  prefix: string,
  migrations: Array<new () => MigrationInterface>,
): Promise<{ dataSource: DataSource; url: string }> {
  const url = await createTestDatabase(prefix);
  const options = serviceDataSourceOptions({
    url,
    schema: SCHEMA,
    applicationName: 'audit-test',
    entities: [VoceAuditEntity],
    migrations,
  });
  await runMigrations({ ...options, url, schema: SCHEMA });
  const dataSource = new DataSource(options);
  await dataSource.initialize();
  return { dataSource, url };
}

function come<T>(actor: Actor, fn: () => Promise<T>): Promise<T> {
  return RequestContext.run(
    {
      actor,
      correlationId: randomUUID(),
      causationId: null,
      motivo: 'verifica del registro',
      finalita: 'controllo-titolare',
    },
    fn,
  );
}

describe('the shared audit log and write gate, on PostgreSQL', () => {
  let dataSource: DataSource;
  let url: string;
  let audit: AuditService;
  let gate: WriteGate;
  let registro: RegistroAudit;

  beforeAll(async () => {
    ({ dataSource, url } = await openDataSource('audit', [
      CreatePratica1770000000000,
      createVoceAuditMigration(1770000000001),
      addFinalitaVoceAuditMigration(1770000000002),
    ]));
    audit = new AuditService(dataSource, { soggettoTipo: 'pratica' });
    gate = new WriteGate(dataSource, audit);
    registro = new RegistroAudit(dataSource);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    if (url) await dropTestDatabase(url);
  });

  const sql = <T>(query: string, params: unknown[] = []): Promise<T[]> => dataSource.query(query, params);

  async function nuovaPratica(subAmbito = 'SA-CREMA'): Promise<string> {
    const id = randomUUID();
    await sql(`INSERT INTO pratica VALUES ($1, $2, 'aperta')`, [id, subAmbito]);
    return id;
  }

  /** A write of a pratica through the gate: only the operators of its sub-ambito, never on a closed one. */
  function chiudi(id: string, opzioni: { rifiuti?: 'ambito' | 'tutti'; guasto?: Error } = {}) {
    return gate.scrivi({
      carica: async (manager) => {
        const [p] = (await manager.query(`SELECT * FROM pratica WHERE id = $1 FOR UPDATE`, [
          id,
        ])) as Pratica[];
        return p ?? null;
      },
      traccia: (p) => ({ azione: 'chiudi', risorsa: 'pratica', risorsaId: id, soggettoId: p?.id ?? null }),
      verifica: (p, actor) => {
        if (!p || !actor.subAmbiti.includes(p.sub_ambito))
          throw new DomainError('ACCESSO_NON_TROVATO', 'Pratica non trovata.');
        return p;
      },
      cambia: async (manager, p) => {
        await manager.query(`UPDATE pratica SET stato = 'chiusa' WHERE id = $1`, [p.id]);
        if (opzioni.guasto) throw opzioni.guasto;
        if (p.stato !== 'aperta') throw new DomainError('ACCESSO_GIA_CHIUSO', 'Non più aperta.');
        return 'chiusa';
      },
      rifiuti: opzioni.rifiuti,
    });
  }

  const voci = (id: string) =>
    sql<{
      esito: string;
      codice_errore: string | null;
      soggetto_tipo: string;
      utente: string;
      motivo: string;
    }>(
      `SELECT esito, codice_errore, soggetto_tipo, utente, motivo FROM voce_audit WHERE risorsa_id = $1 ORDER BY il`,
      [id],
    );
  const stato = async (id: string) =>
    (await sql<{ stato: string }>(`SELECT stato FROM pratica WHERE id = $1`, [id]))[0].stato;

  it('keeps the table append-only: PostgreSQL refuses UPDATE, DELETE and TRUNCATE', async () => {
    await come(operatore, () =>
      audit.consentito(dataSource.manager, operatore, [{ azione: 'leggi', risorsa: 'pratica' }]),
    );
    await expect(sql(`UPDATE voce_audit SET utente = 'nessuno'`)).rejects.toThrow(/non si modifica/);
    await expect(sql(`DELETE FROM voce_audit`)).rejects.toThrow(/non si modifica/);
    await expect(sql(`TRUNCATE voce_audit`)).rejects.toThrow(/non si modifica/);
    const [{ n }] = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM voce_audit WHERE utente = 'nessuno'`,
    );
    expect(n).toBe(0);
  });

  it('writes the change and an allowed row in one transaction', async () => {
    const id = await nuovaPratica();
    expect(await come(operatore, () => chiudi(id))).toBe('chiusa');
    expect(await stato(id)).toBe('chiusa');
    expect(await voci(id)).toEqual([
      {
        esito: 'consentito',
        codice_errore: null,
        soggetto_tipo: 'pratica',
        utente: 'operatore.crema',
        motivo: 'verifica del registro',
      },
    ]);
  });

  it('records a refusal of the scope check with its error code and changes nothing', async () => {
    const id = await nuovaPratica('SA-PANDINO');
    expect(await come(operatore, () => rifiuto(chiudi(id)))).toBe('ACCESSO_NON_TROVATO');
    expect(await stato(id)).toBe('aperta');
    expect(await voci(id)).toEqual([
      expect.objectContaining({ esito: 'negato', codice_errore: 'ACCESSO_NON_TROVATO' }),
    ]);
  });

  it('rolls back a change refused by a rule, recording the refusal unless only scope refusals are audited', async () => {
    const id = await nuovaPratica();
    await sql(`UPDATE pratica SET stato = 'sospesa' WHERE id = $1`, [id]);
    expect(await come(operatore, () => rifiuto(chiudi(id)))).toBe('ACCESSO_GIA_CHIUSO');
    expect(await stato(id)).toBe('sospesa');
    expect(await voci(id)).toEqual([
      expect.objectContaining({ esito: 'negato', codice_errore: 'ACCESSO_GIA_CHIUSO' }),
    ]);
    expect(await come(operatore, () => rifiuto(chiudi(id, { rifiuti: 'ambito' })))).toBe(
      'ACCESSO_GIA_CHIUSO',
    );
    expect(await stato(id)).toBe('sospesa');
    expect(await voci(id)).toHaveLength(1);
  });

  it('rolls back everything, audit included, when the change fails for another reason', async () => {
    const id = await nuovaPratica();
    await expect(come(operatore, () => chiudi(id, { guasto: new Error('disco pieno') }))).rejects.toThrow(
      'disco pieno',
    );
    expect(await stato(id)).toBe('aperta');
    expect(await voci(id)).toEqual([]);
  });

  it('never loses a refusal silently: when its row cannot be written the failure is thrown', async () => {
    const refused = new DomainError('OPERAZIONE_NON_CONSENTITA', 'No.');
    // soggetto_id is a uuid column: this row cannot be inserted.
    const traccia = { azione: 'leggi', risorsa: 'pratica', soggettoId: 'non-un-uuid' };
    const errore = await come(operatore, () => audit.negato(operatore, traccia, refused)).catch((e) => e);
    expect(errore).not.toBe(refused);
    expect(String(errore)).toMatch(/uuid/);
  });

  it('records a search with its criteria, personal values masked, then one row per subject found', async () => {
    const trovata = randomUUID();
    await come(operatore, () =>
      audit.ricerca(dataSource.manager, operatore, {
        traccia: { azione: 'cerca', risorsa: 'pratica' },
        criteri: criteriDaRegistrare(
          { cognome: 'Rossi', codiceFiscale: 'RSSMRA50A41D142K', stato: 'aperta', pagina: 2, vuoto: '' },
          ['stato', 'pagina'],
        ),
        risultati: [{ azione: 'cerca', risorsa: 'pratica', risorsaId: trovata, soggettoId: trovata }],
      }),
    );
    const righe = await sql<{ soggetto_id: string | null; criteri: unknown; finalita: string }>(
      `SELECT soggetto_id, criteri, finalita FROM voce_audit WHERE azione = 'cerca' AND risorsa = 'pratica' ORDER BY il`,
    );
    expect(righe).toEqual([
      {
        soggetto_id: null,
        criteri: { cognome: '*', codiceFiscale: '*', stato: 'aperta', pagina: 2 },
        finalita: 'controllo-titolare',
      },
      { soggetto_id: trovata, criteri: null, finalita: 'controllo-titolare' },
    ]);
  });

  it('lists by local-day period, user, subject and esito, newest first, in pages', async () => {
    const soggetto = randomUUID();
    const riga = (il: string, utente: string, esito: string) =>
      sql(
        `INSERT INTO voce_audit (il, utente, ruoli, azione, risorsa, soggetto_tipo, soggetto_id, esito)
         VALUES ($1, $2, '{}', 'leggi', 'pratica', 'pratica', $3, $4)`,
        [il, utente, soggetto, esito],
      );
    await riga('2025-02-28T22:59:59Z', 'a', 'consentito'); // 28 Feb 23:59:59 in Rome
    await riga('2025-02-28T23:30:00Z', 'a', 'consentito'); // 1 Mar 00:30 in Rome
    await riga('2025-03-15T10:00:00Z', 'b', 'negato');
    await riga('2025-03-31T21:59:59Z', 'a', 'negato'); // 31 Mar 23:59:59 in Rome (CEST)
    await riga('2025-03-31T22:00:00Z', 'a', 'consentito'); // 1 Apr 00:00 in Rome

    const marzo = await registro.elenca({ soggettoId: soggetto, dal: '2025-03-01', al: '2025-03-31' });
    expect(marzo.totale).toBe(3);
    expect(marzo.voci.map((v) => v.il.toISOString())).toEqual([
      '2025-03-31T21:59:59.000Z',
      '2025-03-15T10:00:00.000Z',
      '2025-02-28T23:30:00.000Z',
    ]);
    expect((await registro.elenca({ soggettoId: soggetto, al: '2025-02-28' })).totale).toBe(1);
    expect((await registro.elenca({ soggettoId: soggetto, dal: '2025-04-01' })).totale).toBe(1);
    expect((await registro.elenca({ soggettoId: soggetto, utente: 'a', esito: 'negato' })).totale).toBe(1);
    const pagina2 = await registro.elenca({ soggettoId: soggetto, pagina: 2, perPagina: 2 });
    expect(pagina2).toMatchObject({ totale: 5, pagina: 2, perPagina: 2 });
    expect(pagina2.voci.map((v) => v.il.toISOString())).toEqual([
      '2025-03-15T10:00:00.000Z',
      '2025-02-28T23:30:00.000Z',
    ]);
    expect(await rifiuto(registro.elenca({ dal: '2025-02-30' }))).toBe('DATA_NON_VALIDA');
    expect(await rifiuto(registro.elenca({ dal: '2025-03-02', al: '2025-03-01' }))).toBe('DATA_NON_VALIDA');
  });
});

/** accesso's table before @ambito/audit: persona_id, no codice_errore. */
class CreateVoceAuditAccessoV0_1770000000000 implements MigrationInterface {
  name = 'CreateVoceAuditAccessoV01770000000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE voce_audit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        il timestamptz NOT NULL DEFAULT clock_timestamp(),
        utente text NOT NULL,
        ruoli text[] NOT NULL,
        azione text NOT NULL,
        risorsa text NOT NULL,
        risorsa_id text,
        persona_id uuid,
        motivo text,
        esito text NOT NULL,
        correlation_id text
      )`);
    await q.query(`CREATE INDEX ix_voce_audit_persona ON voce_audit (persona_id, il DESC)`);
    await makeAppendOnly(q, 'voce_audit', 'il registro di audit non si modifica né si cancella');
    await q.query(
      `INSERT INTO voce_audit (utente, ruoli, azione, risorsa, persona_id, esito)
       VALUES ('op', '{operatore-accesso}', 'leggi', 'persona', '00000000-0000-4000-8000-000000000001', 'consentito'),
              ('op', '{operatore-accesso}', 'cerca', 'persona', NULL, 'negato')`,
    );
  }
  async down(): Promise<void> {
    /* test only */
  }
}

class UpgradeAccesso1770000000001 implements MigrationInterface {
  name = 'UpgradeAccesso1770000000001';
  async up(q: QueryRunner): Promise<void> {
    await upgradeVoceAudit(q, {
      colonnaSoggetto: 'persona_id',
      soggettoTipo: 'persona',
      indiceSoggetto: 'ix_voce_audit_persona',
    });
  }
  async down(): Promise<void> {
    /* test only */
  }
}

describe('upgrading a service’s own audit table to the shared shape', () => {
  let dataSource: DataSource;
  let url: string;

  beforeAll(async () => {
    ({ dataSource, url } = await openDataSource('audit_upgrade', [
      CreateVoceAuditAccessoV0_1770000000000,
      UpgradeAccesso1770000000001,
      addFinalitaVoceAuditMigration(1770000000002),
    ]));
  });

  afterAll(async () => {
    await dataSource?.destroy();
    if (url) await dropTestDatabase(url);
  });

  it('keeps every row, names its subject, and stays append-only', async () => {
    const righe = await dataSource.query(
      `SELECT azione, soggetto_tipo, soggetto_id, codice_errore FROM voce_audit ORDER BY il`,
    );
    expect(righe).toEqual([
      {
        azione: 'leggi',
        soggetto_tipo: 'persona',
        soggetto_id: '00000000-0000-4000-8000-000000000001',
        codice_errore: null,
      },
      { azione: 'cerca', soggetto_tipo: 'persona', soggetto_id: null, codice_errore: null },
    ]);
    const indici = await dataSource.query(
      `SELECT indexname FROM pg_indexes WHERE tablename = 'voce_audit' AND schemaname = $1 ORDER BY 1`,
      [SCHEMA],
    );
    expect(indici.map((i: { indexname: string }) => i.indexname)).toEqual([
      'ix_voce_audit_il',
      'ix_voce_audit_soggetto',
      'ix_voce_audit_utente',
      'voce_audit_pkey',
    ]);
    // The entity of @ambito/audit reads and writes the upgraded table.
    const audit = new AuditService(dataSource, { soggettoTipo: 'persona' });
    const actor = testActor('op', ['operatore-accesso']);
    await come(actor, () =>
      audit.consentito(dataSource.manager, actor, [{ azione: 'registra', risorsa: 'persona' }]),
    );
    const { totale } = await new RegistroAudit(dataSource).elenca({ utente: 'op' });
    expect(totale).toBe(3);
    await expect(dataSource.query(`DELETE FROM voce_audit`)).rejects.toThrow(/non si modifica/);
  });
});
