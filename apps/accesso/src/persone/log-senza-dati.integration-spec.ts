import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { ACCESSO_RPC, DomainError } from '@ambito/contracts';
import { rifiuto } from '@ambito/testing';
import { ATTORI, persona, startTestAccesso, type TestAccesso } from '../../test/accesso-harness';

/*
 * Issue 14, "personal data in the logs": a NUL in a text field made PostgreSQL fail, and the error was
 * logged with the failed query's parameters (codice fiscale, names, birth date). Here the service's
 * own pino logger writes to a captured stdout (pino writes to process.stdout when it is replaced
 * before the logger is built), on a real PostgreSQL.
 */

const CF = 'BNCLRA45B52D142V';
const COGNOME = 'Bianchifuzz';
const NOME = 'Lauretta';
const NASCITA = '1945-02-12';
const PERSONALI = [CF, COGNOME, NOME, NASCITA];

describe('a failing request logs nothing personal (NATS → accesso → PostgreSQL, captured log)', () => {
  let svc: TestAccesso;
  const righe: string[] = [];
  let stdout: jest.SpyInstance;

  beforeAll(async () => {
    stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      righe.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return true;
    });
    svc = await startTestAccesso({ LOG_LEVEL: 'info' });
  });
  afterAll(async () => {
    await svc?.close();
    stdout?.mockRestore();
  });
  beforeEach(() => righe.splice(0));

  const operatore = () => svc.as(ATTORI.operatoreCrema, 'colloquio di segretariato');
  const dati = { ...persona(CF), cognome: COGNOME, nome: NOME, dataNascita: NASCITA };
  const log = () => righe.join('');
  const conta = async () =>
    Number((await svc.sql<{ n: string }>('SELECT count(*) AS n FROM persona')).at(0)?.n ?? 0);

  it('refuses a NUL in a text field before PostgreSQL: VALIDAZIONE_FALLITA naming the field, nothing written', async () => {
    const prima = await conta();
    const errore = await operatore()(ACCESSO_RPC.registraPersona, {
      ...dati,
      cognome: `${COGNOME}\u0000`,
    }).catch((e: unknown) => e);
    expect(errore).toBeInstanceOf(DomainError);
    expect((errore as DomainError).code).toBe('VALIDAZIONE_FALLITA');
    expect((errore as DomainError).details).toEqual([
      { campo: 'cognome', messaggi: [expect.stringContaining('caratteri non ammessi')] },
    ]);
    expect(await conta()).toBe(prima);
    for (const valore of PERSONALI) expect(log()).not.toContain(valore);
  });

  it('answers ERRORE_INTERNO when PostgreSQL refuses the write, and logs its SQLSTATE without the row', async () => {
    // A refusal the service does not map (a CHECK it does not know): the path of the original finding,
    // an unexpected driver error whose `parameters` and `detail` ("Failing row contains …") hold the row.
    await svc.sql(
      `ALTER TABLE persona ADD CONSTRAINT ck_test_fallisce CHECK (cognome <> '${COGNOME}') NOT VALID`,
    );
    try {
      expect(await rifiuto(operatore()(ACCESSO_RPC.registraPersona, dati))).toBe('ERRORE_INTERNO');
    } finally {
      await svc.sql('ALTER TABLE persona DROP CONSTRAINT ck_test_fallisce');
    }
    const linee = righe.filter((r) => r.includes('errore non gestito'));
    expect({ linee, righe }).toEqual({ linee: [expect.any(String)], righe });
    expect(linee[0]).toContain('23514');
    expect(linee[0]).toContain('ck_test_fallisce');
    for (const valore of PERSONALI) expect(log()).not.toContain(valore);
    expect(log()).not.toMatch(/INSERT|Failing row/);
  });

  it('censors a real driver error logged as it is ({ err }), at any depth and inside arrays', async () => {
    const dataSource = svc.app.get(DataSource);
    const fallito = await dataSource
      .query('INSERT INTO persona (codice_fiscale, cognome, nome, data_nascita) VALUES ($1, $2, $3, $4)', [
        CF,
        `${COGNOME}\u0000`,
        NOME,
        NASCITA,
      ])
      .catch((e: unknown) => e);
    // The driver error as PostgreSQL raised it: the parameters are there to leak.
    expect((fallito as { parameters: unknown[] }).parameters).toContain(CF);
    const logger = svc.app.get(Logger);
    logger.error({ err: fallito }, 'prova: errore del driver così com’è');
    logger.warn({ tentativi: [{ errore: fallito }, { persona: { ...dati } }] }, 'prova: annidato');
    expect(righe.filter((r) => r.includes('prova:'))).toHaveLength(2);
    expect(log()).toContain('22021'); // invalid byte sequence: the SQLSTATE stays
    for (const valore of PERSONALI) expect(log()).not.toContain(valore);
  });
});
