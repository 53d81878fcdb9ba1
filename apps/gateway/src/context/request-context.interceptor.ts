import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Observable } from 'rxjs';
import {
  RequestContext,
  SpanKind,
  avviaSpan,
  chiudiSpan,
  daIntestazioni,
  type RequestContextData,
} from '@ambito/messaging';
import { headerValue, type GatewayRequest, type GatewayResponse } from './gateway-request';

export const MOTIVO_HEADER = 'X-Motivo';
/** The code of the purpose (FINALITA in contracts); with X-Motivo, required by reads of personal data. */
export const FINALITA_HEADER = 'X-Finalita';
const MOTIVO_MAX = 300;

/**
 * Runs each HTTP handler inside the request context, so that RpcClient puts the actor, the
 * correlation id, the causation id (this request) and the declared GDPR purpose (code and text) in the
 * NATS headers.
 */
@Injectable()
export class RequestContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<GatewayRequest>();
    const data: RequestContextData = {
      trace: httpSpan(request, context.switchToHttp().getResponse<GatewayResponse>()),
      actor: request.actor,
      correlationId: request.correlationId,
      causationId: request.requestId,
      motivo: motivo(headerValue(request, MOTIVO_HEADER)),
      finalita: headerValue(request, FINALITA_HEADER)?.trim() || undefined,
    };
    return new Observable((subscriber) =>
      RequestContext.run(data, () => next.handle().subscribe(subscriber)),
    );
  }
}

/**
 * The root span of the request's trace (or a child of the caller's W3C `traceparent`), named by the
 * route's template, never its path (ids): ended when the response is sent.
 */
function httpSpan(request: GatewayRequest, response: GatewayResponse) {
  const metodo = request.method ?? 'GET';
  const rotta = (request as { route?: { path?: unknown } }).route?.path;
  const template = typeof rotta === 'string' ? rotta : 'sconosciuta';
  const { span, context } = avviaSpan(
    `${metodo} ${template}`,
    SpanKind.SERVER,
    daIntestazioni((name) => request.headers[name]),
    { 'http.request.method': metodo, 'http.route': template, 'ambito.service': 'gateway' },
  );
  let chiuso = false;
  const chiudi = () => {
    if (chiuso) return;
    chiuso = true;
    span.setAttribute('http.response.status_code', response.statusCode);
    chiudiSpan(span, response.statusCode >= 500 ? `HTTP_${response.statusCode}` : undefined);
  };
  response.once('finish', chiudi);
  response.once('close', chiudi);
  return context;
}

/** The purpose as declared; percent-encoding is accepted for non-ASCII text (header values are Latin-1). */
function motivo(raw: string | undefined): string | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  let decoded = value;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    // not percent-encoded: keep as sent
  }
  return decoded.slice(0, MOTIVO_MAX);
}
