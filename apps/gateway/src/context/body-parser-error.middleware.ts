import { HttpException, PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import { DomainError } from '@ambito/contracts';
import type { GatewayRequest, GatewayResponse, NextFunction } from './gateway-request';

interface BodyParserError {
  type?: string;
  status?: number;
}

/**
 * Errors of the JSON body parser (malformed JSON, body too large, unsupported charset) as errors the
 * problem filter knows, with an Italian detail instead of the parser's message.
 */
export function bodyParserErrorMiddleware(
  error: unknown,
  _request: GatewayRequest,
  _response: GatewayResponse,
  next: NextFunction,
): void {
  const { type, status } = (error ?? {}) as BodyParserError;
  if (type === 'entity.too.large' || status === 413) return next(new PayloadTooLargeException());
  if (type === 'charset.unsupported' || type === 'encoding.unsupported' || status === 415) {
    return next(new UnsupportedMediaTypeException());
  }
  if (type === 'entity.parse.failed' || (error instanceof SyntaxError && status === 400)) {
    return next(new DomainError('VALIDAZIONE_FALLITA', 'Il corpo della richiesta non è JSON valido.'));
  }
  // Other client errors of the parser (aborted or inconsistent request): their status, a generic detail.
  if (typeof status === 'number' && status >= 400 && status < 500) return next(new HttpException('', status));
  next(error);
}
