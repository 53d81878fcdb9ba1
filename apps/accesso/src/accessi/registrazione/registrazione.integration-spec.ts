import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ACCESSO_RPC, type PersonaV1 } from '@ambito/contracts';
import { RequestContext } from '@ambito/messaging';
import { rifiuto } from '@ambito/testing';
import {
  ATTORI,
  CREMA,
  PANDINO,
  accesso,
  persona,
  startTestAccesso,
  type TestAccesso,
} from '../../../test/accesso-harness';

const { registraPersona, registraAccesso } = ACCESSO_RPC;
const MILANO = '015146';

/**
 * Issue 15, point 3: the registration of an accesso is one statement (row, outbox row with its NOTIFY,
 * audit row), so one round trip to PostgreSQL, and still all or nothing, idempotent with a key.
 */
describe('registra accesso: one SQL round trip', () => {
  let svc: TestAccesso;
  let dataSource: DataSource;
  let rossi: PersonaV1;
  const operatore = () => svc.as(ATTORI.operatoreCrema);

  beforeAll(async () => {
    svc = await startTestAccesso();
    dataSource = svc.app.get(DataSource);
    rossi = await operatore()(registraPersona, persona('RSSMRA50A41D142K'));
  });
  afterAll(() => svc?.close());

  /** The statements the service sends to PostgreSQL on behalf of the operator's requests while `work` runs. */
  async function statements(work: () => Promise<unknown>): Promise<string[]> {
    const sent: string[] = [];
    const logQuery = dataSource.logger.logQuery.bind(dataSource.logger);
    dataSource.logger.logQuery = (query, parameters, queryRunner) => {
      // The relay and the other background work run without an actor.
      if (RequestContext.current()?.actor?.userId === ATTORI.operatoreCrema.userId) sent.push(query);
      return logQuery(query, parameters, queryRunner);
    };
    try {
      await work();
    } finally {
      dataSource.logger.logQuery = logQuery;
    }
    return sent;
  }

  it('writes the accesso, its outbox row and its audit row in one statement', async () => {
    let id = '';
    const sent = await statements(async () => {
      id = (await operatore()(registraAccesso, accesso(rossi.id))).id;
    });
    expect(sent).toHaveLength(1);
    // A named prepared statement: parsed and planned once per connection.
    expect((sent[0] as unknown as { name?: string }).name).toMatch(/^ambito_[0-9a-f]{24}$/);
    expect(String(sent[0])).toMatch(
      /INSERT INTO accesso[\s\S]*INSERT INTO outbox_message[\s\S]*INSERT INTO voce_audit/,
    );
    expect(await svc.sql(`SELECT comune_residenza FROM accesso WHERE id = $1`, [id])).toEqual([
      { comune_residenza: CREMA },
    ]);
    const [evento] = await svc.sql<{
      envelope: { payload: Record<string, unknown>; actor: { userId: string } };
    }>(
      `SELECT envelope FROM outbox_message WHERE type = 'accesso.accesso.registrato' AND envelope->'payload'->>'accessoId' = $1`,
      [id],
    );
    expect(evento.envelope.payload).toMatchObject({
      accessoId: id,
      personaId: rossi.id,
      comuneResidenza: CREMA,
    });
    expect(evento.envelope.actor.userId).toBe('operatore.crema');
    expect(
      await svc.sql(
        `SELECT azione, risorsa, soggetto_id, esito, motivo, finalita FROM voce_audit WHERE risorsa_id = $1`,
        [id],
      ),
    ).toEqual([
      {
        azione: 'registra',
        risorsa: 'accesso',
        soggetto_id: rossi.id,
        esito: 'consentito',
        motivo: 'verifica di test',
        finalita: 'segretariato-sociale',
      },
    ]);
  });

  it('counts the accesso where the persona belongs: residence, else domicile in the Ambito, else the sede', async () => {
    const domiciliata = await operatore()(registraPersona, {
      ...persona('VRDGNN50A41D142Z', MILANO, 'Verdi'),
      comuneDomicilio: PANDINO,
    });
    // Registered before the rule on domicile, say: resident elsewhere, no domicile here.
    const forestiera = await operatore()(registraPersona, persona('CSTPLA55L20D142P', CREMA, 'Castelli'));
    await svc.sql(`UPDATE persona SET comune_residenza = $2, comune_domicilio = NULL WHERE id = $1`, [
      forestiera.id,
      MILANO,
    ]);
    const a = await operatore()(registraAccesso, accesso(domiciliata.id));
    const b = await operatore()(registraAccesso, accesso(forestiera.id));
    expect([a.comuneResidenza, b.comuneResidenza]).toEqual([PANDINO, CREMA]); // SEDE-CREMA-HUB is in Crema
    const payloads = await svc.sql<{ comune: string }>(
      `SELECT envelope->'payload'->>'comuneResidenza' AS comune FROM outbox_message
        WHERE envelope->'payload'->>'accessoId' = ANY($1::text[]) ORDER BY created_at`,
      [[a.id, b.id]],
    );
    expect(payloads.map((p) => p.comune)).toEqual([PANDINO, CREMA]);
  });

  it('writes nothing for an unknown persona: no accesso, no event, no audit row', async () => {
    const ignota = randomUUID();
    const before = await svc.sql<{ n: number }>(
      `SELECT (SELECT count(*) FROM accesso)::int + (SELECT count(*) FROM outbox_message)::int
              + (SELECT count(*) FROM voce_audit WHERE esito = 'consentito')::int AS n`,
    );
    expect(await rifiuto(operatore()(registraAccesso, accesso(ignota)))).toBe('PERSONA_NON_TROVATA');
    const after = await svc.sql<{ n: number }>(
      `SELECT (SELECT count(*) FROM accesso)::int + (SELECT count(*) FROM outbox_message)::int
              + (SELECT count(*) FROM voce_audit WHERE esito = 'consentito')::int AS n`,
    );
    expect(after).toEqual(before);
  });

  it('with an Idempotency-Key, records the key with the accesso: a repeat gets the same accesso, written once', async () => {
    const key = randomUUID();
    const conChiave = () => svc.as(ATTORI.operatoreCrema, undefined, undefined, key);
    const first = await conChiave()(registraAccesso, accesso(rossi.id));
    const again = await conChiave()(registraAccesso, accesso(rossi.id));
    expect(again.id).toBe(first.id);
    expect(await svc.sql(`SELECT count(*)::int AS n FROM accesso WHERE id = $1`, [first.id])).toEqual([
      { n: 1 },
    ]);
    expect(
      await svc.sql(
        `SELECT count(*)::int AS n FROM outbox_message WHERE envelope->'payload'->>'accessoId' = $1`,
        [first.id],
      ),
    ).toEqual([{ n: 1 }]);
  });

  it('keeps the accessi of concurrent registrations apart, each with its own event and audit row', async () => {
    const created = await Promise.all(
      Array.from({ length: 20 }, () => operatore()(registraAccesso, accesso(rossi.id))),
    );
    const ids = created.map((a) => a.id);
    expect(new Set(ids).size).toBe(20);
    const [counts] = await svc.sql<{ accessi: number; eventi: number; voci: number }>(
      `SELECT (SELECT count(*) FROM accesso WHERE id = ANY($1::uuid[]))::int AS accessi,
              (SELECT count(*) FROM outbox_message WHERE envelope->'payload'->>'accessoId' = ANY($1::text[]))::int AS eventi,
              (SELECT count(*) FROM voce_audit WHERE risorsa_id = ANY($1::text[]))::int AS voci`,
      [ids],
    );
    expect(counts).toEqual({ accessi: 20, eventi: 20, voci: 20 });
  });
});
