import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Actor } from '@ambito/contracts';

/**
 * What the gateway adds to each HTTP request on its way to the handler. Typed on Node's own
 * request/response (the workspace has no @types/express; the gateway needs nothing Express-specific).
 */
export interface GatewayRequest extends IncomingMessage {
  /** Set by Express: the path as received, before routing. */
  originalUrl?: string;
  /** From `X-Correlation-Id`, or generated: the whole conversation across services. */
  correlationId: string;
  /** This HTTP request; the causation id of the NATS messages it sends. */
  requestId: string;
  /** Set by the authentication guard on protected routes. */
  actor?: Actor;
}

export type GatewayResponse = ServerResponse;

export type NextFunction = (error?: unknown) => void;

/** A single-valued request header (the first one if repeated). */
export function headerValue(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
