import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Context } from '@opentelemetry/api';
import type { Actor } from '@ambito/contracts';

/** What travels with every unit of work: who acts, and which conversation it belongs to. */
export interface RequestContextData {
  actor?: Actor;
  correlationId: string;
  /** Id of the message that caused the current work (request or event). */
  causationId: string | null;
  /** GDPR purpose declared for reading personal data: the free text... */
  motivo?: string;
  /** Deadline of the request being served (epoch ms): requests it sends must not outlive it. */
  scadenza?: number;
  /** ...and its code, one of FINALITA (required, with the text, by reads of personal data). */
  finalita?: string;
  /** The OpenTelemetry context of the current span (`tracing/`): the parent of the spans this work starts. */
  trace?: Context;
}

const storage = new AsyncLocalStorage<RequestContextData>();

export const RequestContext = {
  run<T>(data: RequestContextData, fn: () => T): T {
    return storage.run(data, fn);
  },
  current(): RequestContextData | undefined {
    return storage.getStore();
  },
  /** The current context, or a fresh one for work that starts here (a timer, a startup job). */
  currentOrNew(): RequestContextData {
    return storage.getStore() ?? { correlationId: randomUUID(), causationId: null };
  },
};
