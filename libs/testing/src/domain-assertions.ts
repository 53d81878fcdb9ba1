// Types only: the dev stack and the benchmark load this library without reflect-metadata, which the
// contracts' DTO classes need at run time.
import type { Actor, DomainError, ErrorCode } from '@ambito/contracts';

/** The error code a request was refused with (fails when it was not refused). */
export async function rifiuto(promise: Promise<unknown>): Promise<ErrorCode> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error && error.name === 'DomainError') return (error as DomainError).code;
    throw error;
  }
  throw new Error('la richiesta doveva essere rifiutata');
}

/** A user of the tests in the demo ambito; `nome` defaults to the user id. */
export function testActor(
  userId: string,
  ruoli: Actor['ruoli'],
  subAmbiti: string[] = [],
  comuni: string[] = [],
  nome: string = userId,
): Actor {
  return { userId, nome, ruoli, ambito: 'CREMA', subAmbiti, comuni };
}
