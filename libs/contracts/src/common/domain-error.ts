import type { ErrorCode, ErrorReply, FieldError } from './error-codes';

/** A rule of the domain refused the command; carried to the caller as an {@link ErrorReply}. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: FieldError[],
  ) {
    super(message);
    this.name = 'DomainError';
  }

  toReply(): ErrorReply {
    return this.details
      ? { code: this.code, message: this.message, details: this.details }
      : { code: this.code, message: this.message };
  }
}
