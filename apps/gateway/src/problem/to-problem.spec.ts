import { HttpException, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { DomainError } from '@ambito/contracts';
import { toProblem } from './to-problem';

const source = { instance: '/api/v1/accessi', correlationId: 'corr-1' };

describe('toProblem', () => {
  it('keeps the code, the Italian message and the fields of a domain error', () => {
    const problem = toProblem(
      new DomainError('VALIDAZIONE_FALLITA', 'Dati non validi', [
        { campo: 'sede', messaggi: ['obbligatoria'] },
      ]),
      source,
    );
    expect(problem).toEqual({
      type: 'https://ambito.example/problemi/validazione-fallita',
      title: 'Dati non validi',
      status: 400,
      detail: 'Dati non validi',
      code: 'VALIDAZIONE_FALLITA',
      instance: '/api/v1/accessi',
      correlationId: 'corr-1',
      errori: [{ campo: 'sede', messaggi: ['obbligatoria'] }],
    });
  });

  it('gives framework HTTP errors a stable code and an Italian detail', () => {
    expect(toProblem(new NotFoundException('Cannot GET /nowhere'), source)).toMatchObject({
      status: 404,
      code: 'RISORSA_NON_TROVATA',
      detail: 'Nessuna risorsa a questo indirizzo.',
    });
    expect(toProblem(new PayloadTooLargeException(), source)).toMatchObject({
      type: 'about:blank',
      status: 413,
      code: 'VALIDAZIONE_FALLITA',
    });
    expect(toProblem(new HttpException('teapot', 418), source)).toMatchObject({
      status: 418,
      type: 'about:blank',
    });
  });

  it('never leaks the message or the stack of an unexpected error', () => {
    const problem = toProblem(new Error('password=segreta at /srv/app.js:12'), source);
    expect(problem).toMatchObject({ status: 500, code: 'ERRORE_INTERNO' });
    expect(JSON.stringify(problem)).not.toMatch(/segreta|app\.js/);
    expect(toProblem(new DomainError('ERRORE_INTERNO', 'dettagli interni'), source).detail).not.toMatch(
      /dettagli/,
    );
  });
});
