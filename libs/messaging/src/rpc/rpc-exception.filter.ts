import { Catch, Logger, type ArgumentsHost, type RpcExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';
import { DomainError, type ErrorReply } from '@ambito/contracts';

/**
 * Every failure of a NATS handler becomes a typed error reply. Domain refusals keep their code;
 * anything unexpected is logged with its stack and answered as ERRORE_INTERNO without internals.
 */
@Catch()
export class RpcErrorFilter implements RpcExceptionFilter<unknown> {
  private readonly logger = new Logger('RpcErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): Observable<never> {
    const reply = toErrorReply(exception, this.logger, host.getType());
    return throwError(() => reply);
  }
}

export function toErrorReply(exception: unknown, logger: Logger, where: string): ErrorReply {
  if (exception instanceof DomainError) return exception.toReply();
  logger.error({ err: exception, where }, 'errore non gestito');
  return { code: 'ERRORE_INTERNO', message: 'Errore interno: l’operazione non è stata eseguita.' };
}
