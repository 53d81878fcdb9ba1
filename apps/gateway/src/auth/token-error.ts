import { Logger } from '@nestjs/common';
import { errors } from 'jose';
import { DomainError } from '@ambito/contracts';

const logger = new Logger('TokenVerifier');

/**
 * A failed verification as a DomainError: a bad or expired token is the caller's problem (401); an
 * identity provider whose keys cannot be fetched is ours (503), and is logged.
 */
export function tokenError(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  if (error instanceof errors.JWTExpired) {
    return new DomainError('NON_AUTENTICATO', 'Token scaduto: richiedere un nuovo token.');
  }
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) {
    logger.warn({ err: error }, 'chiavi del fornitore di identità non disponibili');
    return unavailable();
  }
  if (error instanceof errors.JOSEError) {
    return new DomainError('NON_AUTENTICATO', 'Token non valido.');
  }
  logger.warn({ err: error }, 'verifica del token non riuscita');
  return unavailable();
}

function unavailable(): DomainError {
  return new DomainError(
    'SERVIZIO_NON_DISPONIBILE',
    'Il fornitore di identità non risponde: riprovare tra poco.',
  );
}
