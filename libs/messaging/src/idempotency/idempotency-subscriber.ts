import { DomainError } from '@ambito/contracts';
import { IDEMPOTENCY_KEY_TABLE } from '@ambito/persistence';
import type {
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
  TransactionStartEvent,
} from 'typeorm';
import { deadlineError, deadlinePassed } from './deadline';
import { ServedRequestScope } from './served-request';

/** 1 inside the outermost transaction (TypeORM counts savepoints in the same field). */
function depth(queryRunner: QueryRunner): number {
  return (queryRunner as unknown as { transactionDepth: number }).transactionDepth;
}

export function keyInUseError(): DomainError {
  return new DomainError(
    'IDEMPOTENCY_KEY_IN_USO',
    'Una richiesta con la stessa Idempotency-Key è ancora in corso: ripeterla fra poco con la stessa chiave.',
  );
}

/**
 * The transaction hook of the RPC request being served, on every transaction of the service's
 * DataSource (`dataSource.transaction`, WriteGate.scrivi, handleOnce…), with no change to them:
 *
 * - at the start of the outermost transaction, while the request's key has no committed row, it inserts
 *   the row (`ON CONFLICT DO NOTHING`): the effect and its key commit or roll back together. A
 *   concurrent duplicate waits on the primary key until the first commits, then finds it taken and
 *   gives up before doing anything (IDEMPOTENCY_KEY_IN_USO; RpcServer answers the first one's reply);
 * - before COMMIT (and at the start) it refuses to go on once the request's deadline has passed, so the
 *   caller that stopped waiting finds nothing written.
 *
 * Work outside an RPC request (outbox relay, event consumers, startup) is not touched.
 */
export class IdempotencySubscriber implements EntitySubscriberInterface {
  async afterTransactionStart(event: TransactionStartEvent): Promise<void> {
    const served = ServedRequestScope.current();
    if (!served || depth(event.queryRunner) !== 1) return;
    if (deadlinePassed(served.deadline)) throw deadlineError();
    const request = served.idempotency;
    if (!request || request.recorded) return;
    if (request.concurrent) throw keyInUseError();
    if (request.holder) return; // another transaction of this request holds the row
    const inserted = (await event.queryRunner.query(
      `INSERT INTO ${IDEMPOTENCY_KEY_TABLE} (user_id, key, subject, request_hash, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))
       ON CONFLICT (user_id, key) DO NOTHING
       RETURNING 1 AS inserted`,
      [request.userId, request.key, request.subject, request.hash, request.ttlMs / 1000],
    )) as unknown[];
    if (inserted.length === 0) {
      request.concurrent = true;
      throw keyInUseError();
    }
    request.holder = event.queryRunner;
  }

  beforeTransactionCommit(event: TransactionCommitEvent): void {
    const served = ServedRequestScope.current();
    if (!served || depth(event.queryRunner) !== 1) return;
    if (deadlinePassed(served.deadline)) throw deadlineError();
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const request = ServedRequestScope.current()?.idempotency;
    if (!request || request.holder !== event.queryRunner || depth(event.queryRunner) !== 0) return;
    request.holder = undefined;
    request.recorded = true;
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    const request = ServedRequestScope.current()?.idempotency;
    if (!request || request.holder !== event.queryRunner || depth(event.queryRunner) !== 0) return;
    request.holder = undefined;
  }
}
