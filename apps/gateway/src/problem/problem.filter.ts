import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { erroreSenzaDati } from '@ambito/messaging';
import type { GatewayRequest, GatewayResponse } from '../context/gateway-request';
import { PROBLEM_CONTENT_TYPE } from './problem-details';
import { toProblem } from './to-problem';

/** Every error of the HTTP API leaves as `application/problem+json` (RFC 9457). */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<GatewayRequest>();
    const response = host.switchToHttp().getResponse<GatewayResponse>();
    const problem = toProblem(exception, {
      instance: (request.originalUrl ?? request.url ?? '').split('?')[0],
      correlationId: request.correlationId ?? randomUUID(),
    });
    if (problem.status >= 500 && problem.code === 'ERRORE_INTERNO') {
      // Never the error as it is: a driver error carries the failed query's parameters (personal data).
      this.logger.error({ errore: erroreSenzaDati(exception) }, 'errore non gestito');
    } else if (problem.status >= 500) {
      this.logger.warn({ code: problem.code }, problem.detail);
    }
    if (response.headersSent) {
      response.end();
      return;
    }
    if (problem.status === 401) response.setHeader('WWW-Authenticate', 'Bearer realm="ambito"');
    response.statusCode = problem.status;
    response.setHeader('Content-Type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`);
    response.end(JSON.stringify(problem));
  }
}
