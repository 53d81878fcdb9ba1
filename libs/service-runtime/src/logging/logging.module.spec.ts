import pino from 'pino';
import { RequestContext } from '@ambito/messaging';
import { REDACTED_PATHS, contextFields, requestSummary } from './logging.module';

describe('request logging', () => {
  it('keeps the path and drops the query string, where personal data travels', () => {
    expect(
      requestSummary({
        id: 7,
        method: 'GET',
        url: '/api/v1/persone?codiceFiscale=RSSMRA50A41D142K&cognome=Rossi',
      }),
    ).toEqual({ id: 7, method: 'GET', url: '/api/v1/persone' });
  });

  it('censors personal fields and credentials in what is logged', () => {
    const lines: string[] = [];
    const logger = pino(
      { redact: { paths: REDACTED_PATHS, censor: '[riservato]' } },
      { write: (line: string) => lines.push(line) },
    );
    logger.info({
      persona: { codiceFiscale: 'RSSMRA50A41D142K', cognome: 'Rossi', comuneResidenza: '019035' },
      req: { headers: { authorization: 'Bearer segreto' } },
    });
    const logged = JSON.parse(lines[0]) as Record<string, Record<string, unknown>>;
    expect(logged.persona).toEqual({
      codiceFiscale: '[riservato]',
      cognome: '[riservato]',
      comuneResidenza: '019035',
    });
    expect(lines[0]).not.toContain('segreto');
  });

  it('puts the correlation id once in a line, whether or not the request logger already carries it', () => {
    const lines: string[] = [];
    const logger = pino({ mixin: contextFields }, { write: (line: string) => lines.push(line) });
    const actor = { userId: 'op', nome: 'Op', ruoli: [], ambito: 'CREMA', subAmbiti: [], comuni: [] };
    RequestContext.run({ correlationId: 'c-1', causationId: null, actor }, () => {
      logger.info('evento');
      logger.child({ correlationId: 'c-1' }).info('richiesta HTTP');
    });
    logger.info('fuori contesto');
    const counts = lines.map((line) => (line.match(/"correlationId"/g) ?? []).length);
    expect(counts).toEqual([1, 1, 0]);
    expect(lines.map((line) => (JSON.parse(line) as { userId?: string }).userId)).toEqual([
      'op',
      'op',
      undefined,
    ]);
  });
});
