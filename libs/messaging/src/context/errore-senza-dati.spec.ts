import { erroreSenzaDati } from './errore-senza-dati';

describe('erroreSenzaDati', () => {
  it('keeps kind, message, codes and stack of a failed query, never its parameters or SQL', () => {
    const failed = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), {
      name: 'QueryFailedError',
      query: 'INSERT INTO persona (codice_fiscale, cognome) VALUES ($1, $2)',
      parameters: ['RSSMRA80A01D142X', 'Rossi'],
      driverError: { code: '22021', detail: 'Rossi' },
    });
    const logged = JSON.stringify(erroreSenzaDati(failed));
    expect(logged).toContain('QueryFailedError');
    expect(logged).toContain('22021');
    expect(logged).not.toContain('RSSMRA80A01D142X');
    expect(logged).not.toContain('Rossi');
    expect(logged).not.toContain('INSERT');
  });

  it('masks the values PostgreSQL and V8 quote in a message, in the stack too, and keeps the schema names', () => {
    const failed = Object.assign(new Error('invalid input syntax for type uuid: "RSSMRA80A01D142X"'), {
      name: 'QueryFailedError',
      driverError: { code: '22P02', constraint: 'uq_persona_codice_fiscale', table: 'persona' },
    });
    const logged = erroreSenzaDati(failed);
    expect(logged).toMatchObject({
      message: 'invalid input syntax for type uuid: "[riservato]"',
      driverCode: '22P02',
      constraint: 'uq_persona_codice_fiscale',
      table: 'persona',
    });
    expect(String(logged.stack)).toMatch(
      /^QueryFailedError: invalid input syntax for type uuid: "\[riservato\]"\n\s+at /,
    );
    expect(JSON.stringify(logged)).not.toContain('RSSMRA');
    const json = erroreSenzaDati(new Error(`Unexpected token 'R', "RSSMRA80A0"... is not valid JSON`));
    expect(JSON.stringify(json)).not.toContain('RSSMRA');
  });

  it('follows the cause, without its driver fields either', () => {
    const causa = Object.assign(new Error('duplicate key value violates unique constraint "uq"'), {
      detail: 'Key (codice_fiscale)=(RSSMRA80A01D142X) already exists.',
      code: '23505',
    });
    const logged = erroreSenzaDati(new Error('registrazione non riuscita', { cause: causa }));
    expect(logged.cause).toMatchObject({ code: '23505' });
    expect(JSON.stringify(logged)).not.toContain('RSSMRA');
  });
});
