import pino from 'pino';
import { pinoOptions } from './logging.module';
import { logSenzaDati } from './log-senza-dati';

/** A logger built as the apps build theirs, writing to an array (the pino destination of the test). */
function logger(): { log: pino.Logger; righe: string[] } {
  const righe: string[] = [];
  const log = pino(pinoOptions({ service: 'prova', version: '0' }), {
    write: (riga: string) => righe.push(riga),
  });
  return { log, righe };
}

const CF = 'RSSMRA80A01D142X';

function erroreDelDriver(): Error {
  return Object.assign(new Error(`invalid input syntax for type uuid: "${CF}"`), {
    name: 'QueryFailedError',
    query: 'INSERT INTO persona (codice_fiscale, cognome, data_nascita) VALUES ($1, $2, $3)',
    parameters: [CF, 'Rossi', '1980-01-01'],
    driverError: Object.assign(new Error('x'), {
      code: '22P02',
      detail: `Failing row contains (${CF}, Rossi, 1980-01-01).`,
      where: `unnamed portal parameter $1 = '${CF}'`,
    }),
  });
}

describe('log lines without personal data', () => {
  it('censors personal keys at any depth and inside arrays', () => {
    const { log, righe } = logger();
    log.info({
      esito: { persone: [{ codiceFiscale: CF, cognome: 'Rossi', comuneResidenza: '019035' }] },
      lotto: [[{ dettagli: { recapiti: { telefono: '0373 000000' }, note: 'vive sola' } }]],
    });
    expect(righe[0]).not.toMatch(/RSSMRA|Rossi|0373|vive sola/);
    expect(righe[0]).toContain('019035');
    expect(righe[0]).toContain('[riservato]');
  });

  it('logs a driver error without query, parameters, detail, where or the driver error, wherever it is', () => {
    const { log, righe } = logger();
    log.error({ err: erroreDelDriver() }, 'errore non gestito');
    log.error({
      tentativi: [{ errore: erroreDelDriver() }],
      causa: new Error('a', { cause: erroreDelDriver() }),
    });
    log.error(erroreDelDriver());
    for (const riga of righe) {
      expect(riga).not.toMatch(/RSSMRA|Rossi|1980-01-01|INSERT|Failing row|unnamed portal/);
      expect(riga).toContain('22P02');
      expect(riga).toContain('QueryFailedError');
    }
    expect(righe).toHaveLength(3);
  });

  it('keeps what is not personal, and survives cycles and very deep objects', () => {
    const ciclo: Record<string, unknown> = { subject: 'accesso.persona.registra' };
    ciclo.se = ciclo;
    let profondo: Record<string, unknown> = { codiceFiscale: CF };
    for (let i = 0; i < 50; i++) profondo = { giu: profondo };
    const pulito = logSenzaDati({ ciclo, profondo, durata: 12, il: new Date(0) });
    expect(pulito).toMatchObject({
      ciclo: { subject: 'accesso.persona.registra', se: '[circolare]' },
      durata: 12,
    });
    expect(JSON.stringify(pulito)).not.toContain(CF);
  });
});
