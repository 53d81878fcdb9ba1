import { HttpException, HttpStatus } from '@nestjs/common';
import { DomainError, ERROR_KINDS, type ErrorCode } from '@ambito/contracts';
import { statusForKind, titleForKind } from './error-kind';
import { problemType, type ProblemDetails } from './problem-details';

export interface ProblemSource {
  /** Path of the request (without the query string, which may hold personal data). */
  instance: string;
  correlationId: string;
}

const INTERNAL_DETAIL = 'Errore interno: l’operazione non è stata eseguita.';

/**
 * Any failure of an HTTP request as an RFC 9457 problem. Domain errors keep their code and Italian
 * message; framework HTTP errors get a code and an Italian detail; anything else is an internal error
 * whose details (message, stack) never leave the process.
 */
export function toProblem(exception: unknown, source: ProblemSource): ProblemDetails {
  if (exception instanceof DomainError) {
    const kind = ERROR_KINDS[exception.code];
    return {
      type: problemType(exception.code),
      title: titleForKind(kind),
      status: statusForKind(kind),
      detail: kind === 'internal' ? INTERNAL_DETAIL : exception.message,
      code: exception.code,
      ...source,
      ...(exception.details?.length ? { errori: exception.details } : {}),
    };
  }
  if (exception instanceof HttpException) return fromHttpStatus(exception.getStatus(), source);
  return fromHttpStatus(HttpStatus.INTERNAL_SERVER_ERROR, source);
}

interface HttpProblem {
  code: ErrorCode;
  detail: string;
  /** Plain HTTP errors without a domain meaning of their own use `about:blank` and the status title. */
  title?: string;
}

function fromHttpStatus(status: number, source: ProblemSource): ProblemDetails {
  const exact = HTTP_PROBLEMS[status];
  const problem = exact ?? (status >= 500 ? HTTP_PROBLEMS[500] : HTTP_PROBLEMS[400]);
  const plainHttp = !exact || problem.title !== undefined;
  return {
    type: plainHttp ? 'about:blank' : problemType(problem.code),
    title: problem.title ?? titleForKind(ERROR_KINDS[problem.code]),
    status,
    detail: problem.detail,
    code: problem.code,
    ...source,
  };
}

const HTTP_PROBLEMS: Record<number, HttpProblem> = {
  400: { code: 'VALIDAZIONE_FALLITA', detail: 'Richiesta non valida.' },
  401: { code: 'NON_AUTENTICATO', detail: 'Autenticazione richiesta: inviare un token Bearer valido.' },
  403: { code: 'OPERAZIONE_NON_CONSENTITA', detail: 'Operazione non consentita.' },
  404: { code: 'RISORSA_NON_TROVATA', detail: 'Nessuna risorsa a questo indirizzo.' },
  405: {
    code: 'VALIDAZIONE_FALLITA',
    title: 'Metodo non consentito',
    detail: 'Metodo HTTP non consentito per questa risorsa.',
  },
  406: {
    code: 'VALIDAZIONE_FALLITA',
    title: 'Formato non disponibile',
    detail: 'La risorsa è disponibile solo in JSON.',
  },
  413: {
    code: 'VALIDAZIONE_FALLITA',
    title: 'Richiesta troppo grande',
    detail: 'Il corpo della richiesta supera la dimensione massima consentita.',
  },
  415: {
    code: 'VALIDAZIONE_FALLITA',
    title: 'Tipo di contenuto non supportato',
    detail: 'Tipo di contenuto non supportato: inviare application/json in UTF-8.',
  },
  429: { code: 'TROPPE_RICHIESTE', detail: 'Troppe richieste: riprovare tra poco.' },
  500: { code: 'ERRORE_INTERNO', detail: INTERNAL_DETAIL },
  503: { code: 'SERVIZIO_NON_DISPONIBILE', detail: 'Il servizio non risponde: riprovare tra poco.' },
};
