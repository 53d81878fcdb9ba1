import type { Actor, AnyRpcDeclaration, DomainError } from '@ambito/contracts';

/**
 * Services that audit access to personal data provide one (token `RPC_REFUSAL_RECORDER`): a request
 * refused by the role check of its declaration is recorded like any other refusal. If it cannot be
 * recorded the request fails (ERRORE_INTERNO): an unrecorded refusal is not an option.
 */
export interface RpcRefusal {
  declaration: AnyRpcDeclaration;
  actor: Actor;
  error: DomainError;
  /** The request as received (not validated): only ids are read from it. */
  request: unknown;
}

export interface RpcRefusalRecorder {
  recordRefusal(refusal: RpcRefusal): Promise<void>;
}

export const RPC_REFUSAL_RECORDER = Symbol('RPC_REFUSAL_RECORDER');

/** `<service>.<resource>.<verb>` → the resource and the verb, as audit rows name them. */
export function subjectParts(subject: string): { risorsa: string; azione: string } {
  const [, risorsa = subject, azione = subject] = subject.split('.');
  return { risorsa, azione };
}
