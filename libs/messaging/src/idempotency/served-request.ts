import { AsyncLocalStorage } from 'node:async_hooks';
import type { QueryRunner } from 'typeorm';

/** The Idempotency-Key of the request being served, and what became of its row. */
export interface IdempotentRequest {
  userId: string;
  key: string;
  subject: string;
  hash: string;
  ttlMs: number;
  /** The transaction that inserted the row and has not ended yet. */
  holder?: QueryRunner;
  /** The row committed with the effect: the reply must be stored on it. */
  recorded: boolean;
  /** Another request with the same key committed first: this one must answer that one's reply. */
  concurrent: boolean;
}

/** What the transaction hook needs to know of the RPC request being served (set by RpcServer). */
export interface ServedRequest {
  deadline?: number;
  idempotency?: IdempotentRequest;
}

const storage = new AsyncLocalStorage<ServedRequest>();

export const ServedRequestScope = {
  run<T>(data: ServedRequest, fn: () => T): T {
    return storage.run(data, fn);
  },
  current(): ServedRequest | undefined {
    return storage.getStore();
  },
};
