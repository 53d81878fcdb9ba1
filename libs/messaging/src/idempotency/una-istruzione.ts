import type { DataSource } from 'typeorm';
import { deadlineError, deadlinePassed } from './deadline';
import { ServedRequestScope } from './served-request';
import { istruzionePreparata } from '../sql/istruzione-preparata';

/**
 * Runs one data-modifying statement (typically CTEs writing a row, its outbox row and its audit row)
 * with the guarantees of a request's transaction, in as few round trips as they allow:
 *
 * - without an Idempotency-Key, in autocommit: one round trip, atomic because it is one statement; the
 *   request's deadline is checked just before it (the statement is its own commit, so nothing is written
 *   after the caller stopped waiting, as the transaction hook guarantees for `dataSource.transaction`);
 * - with an Idempotency-Key, inside `dataSource.transaction`, so that IdempotencySubscriber records the
 *   key in the same transaction as the effect (BEGIN, key, statement, COMMIT).
 *
 * The statement is a named prepared statement (`istruzionePreparata`).
 */
export async function unaIstruzione<T>(
  dataSource: DataSource,
  sql: string,
  parameters: unknown[],
): Promise<T[]> {
  const istruzione = istruzionePreparata(sql);
  const served = ServedRequestScope.current();
  if (served?.idempotency) {
    return dataSource.transaction((manager) => manager.query(istruzione, parameters) as Promise<T[]>);
  }
  if (deadlinePassed(served?.deadline)) throw deadlineError();
  return (await dataSource.query(istruzione, parameters)) as T[];
}
