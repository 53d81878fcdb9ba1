import { DomainError, ERROR_KINDS, type ErrorCode, type ErrorKind } from '@ambito/contracts';
import { statusForKind, titleForKind } from './error-kind';
import { problemType } from './problem-details';
import { toProblem } from './to-problem';

const EXPECTED: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  unprocessable: 422,
  'rate-limited': 429,
  unavailable: 503,
  internal: 500,
};

describe('error kind → HTTP status', () => {
  it.each(Object.entries(EXPECTED))('maps %s to %i', (kind, status) => {
    expect(statusForKind(kind as ErrorKind)).toBe(status);
    expect(titleForKind(kind as ErrorKind)).toEqual(expect.any(String));
  });

  it('covers every kind used by an error code of the contracts', () => {
    const kinds = new Set(Object.values(ERROR_KINDS));
    expect([...kinds].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.keys(ERROR_KINDS) as ErrorCode[])('answers %s with the status of its kind', (code) => {
    const problem = toProblem(new DomainError(code, 'messaggio'), { instance: '/x', correlationId: 'c' });
    expect(problem.status).toBe(EXPECTED[ERROR_KINDS[code]]);
    expect(problem.code).toBe(code);
    expect(problem.type).toBe(problemType(code));
  });

  it('builds the problem type from the code in kebab case', () => {
    expect(problemType('ACCESSO_GIA_CHIUSO')).toBe('https://ambito.example/problemi/accesso-gia-chiuso');
  });
});
