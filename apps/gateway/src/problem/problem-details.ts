import type { ErrorCode, FieldError } from '@ambito/contracts';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
export const PROBLEM_TYPE_BASE = 'https://ambito.example/problemi/';

/** An error answer of the API (RFC 9457), with the platform's stable code and the fields in error. */
export interface ProblemDetails {
  /** `https://ambito.example/problemi/<codice-in-kebab-case>`, or `about:blank` for plain HTTP errors. */
  type: string;
  title: string;
  status: number;
  /** Italian, for the operator. */
  detail: string;
  code: ErrorCode;
  /** Path of the request. */
  instance: string;
  correlationId: string;
  errori?: FieldError[];
}

/** `ACCESSO_GIA_CHIUSO` → `https://ambito.example/problemi/accesso-gia-chiuso`. */
export function problemType(code: ErrorCode): string {
  return PROBLEM_TYPE_BASE + code.toLowerCase().replace(/_/g, '-');
}
