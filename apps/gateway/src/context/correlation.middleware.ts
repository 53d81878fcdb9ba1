import { randomUUID } from 'node:crypto';
import { headerValue, type GatewayRequest, type GatewayResponse, type NextFunction } from './gateway-request';

export const CORRELATION_HEADER = 'X-Correlation-Id';

/** A caller's correlation id is kept only if it is a plausible id (it ends up in headers and logs). */
const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * First middleware of every request: takes the caller's `X-Correlation-Id` (or starts a new
 * conversation), gives the request its own id, and echoes the correlation id in the response.
 */
export function correlationMiddleware(
  request: GatewayRequest,
  response: GatewayResponse,
  next: NextFunction,
): void {
  const incoming = headerValue(request, CORRELATION_HEADER);
  request.correlationId = incoming && CORRELATION_ID.test(incoming) ? incoming : randomUUID();
  request.requestId = randomUUID();
  response.setHeader(CORRELATION_HEADER, request.correlationId);
  next();
}
