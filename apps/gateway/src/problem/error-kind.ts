import { HttpStatus } from '@nestjs/common';
import type { ErrorKind } from '@ambito/contracts';

/** HTTP status of each kind of error: every kind must be listed (the `never` check fails the build). */
export function statusForKind(kind: ErrorKind): HttpStatus {
  switch (kind) {
    case 'invalid':
      return HttpStatus.BAD_REQUEST;
    case 'unauthenticated':
      return HttpStatus.UNAUTHORIZED;
    case 'forbidden':
      return HttpStatus.FORBIDDEN;
    case 'not-found':
      return HttpStatus.NOT_FOUND;
    case 'conflict':
      return HttpStatus.CONFLICT;
    case 'unprocessable':
      return HttpStatus.UNPROCESSABLE_ENTITY;
    case 'rate-limited':
      return HttpStatus.TOO_MANY_REQUESTS;
    case 'unavailable':
      return HttpStatus.SERVICE_UNAVAILABLE;
    case 'internal':
      return HttpStatus.INTERNAL_SERVER_ERROR;
    default:
      return unreachable(kind);
  }
}

/** Italian title of the problem (RFC 9457 `title`): the same for every occurrence of a kind. */
export function titleForKind(kind: ErrorKind): string {
  switch (kind) {
    case 'invalid':
      return 'Dati non validi';
    case 'unauthenticated':
      return 'Autenticazione richiesta';
    case 'forbidden':
      return 'Operazione non consentita';
    case 'not-found':
      return 'Risorsa non trovata';
    case 'conflict':
      return 'Conflitto con lo stato della risorsa';
    case 'unprocessable':
      return 'Richiesta non elaborabile';
    case 'rate-limited':
      return 'Troppe richieste';
    case 'unavailable':
      return 'Servizio non disponibile';
    case 'internal':
      return 'Errore interno';
    default:
      return unreachable(kind);
  }
}

function unreachable(kind: never): never {
  throw new Error(`tipo di errore non gestito: ${String(kind)}`);
}
