import type { Actor, AnyRpcDeclaration, DomainError } from '@ambito/contracts';

/**
 * Services that audit access to personal data provide one (token `RPC_REFUSAL_RECORDER`): a request
 * refused by the role check of its declaration, or for an actor that is not verified, is recorded like
 * any other refusal. If it cannot be recorded the request fails (ERRORE_INTERNO): an unrecorded refusal
 * is not an option.
 */
export interface RpcRefusal {
  declaration: AnyRpcDeclaration;
  actor: Actor;
  error: DomainError;
  /** The request as received (not validated): only ids are read from it. */
  request: unknown;
}

/**
 * A request whose actor could not be verified (absent, forged, expired, replayed, for another subject
 * or ambito): nothing of it is trusted, so only the subject is given (the correlation id is in the
 * request context when it is a plausible id, the purpose is not).
 */
export interface IdentityRefusal {
  declaration: AnyRpcDeclaration;
  /** NON_AUTENTICATO or IDENTITA_NON_VALIDA. */
  error: DomainError;
}

export interface RpcRefusalRecorder {
  recordRefusal(refusal: RpcRefusal): Promise<void>;
  recordIdentityRefusal(refusal: IdentityRefusal): Promise<void>;
}

export const RPC_REFUSAL_RECORDER = Symbol('RPC_REFUSAL_RECORDER');

/** `<service>.<resource>.<verb>` → the resource and the verb, as audit rows name them. */
export function subjectParts(subject: string): { risorsa: string; azione: string } {
  const [, risorsa = subject, azione = subject] = subject.split('.');
  return { risorsa, azione };
}
