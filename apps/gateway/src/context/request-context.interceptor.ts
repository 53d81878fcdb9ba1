import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Observable } from 'rxjs';
import { RequestContext, type RequestContextData } from '@ambito/messaging';
import { headerValue, type GatewayRequest } from './gateway-request';

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
