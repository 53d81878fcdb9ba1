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
});
