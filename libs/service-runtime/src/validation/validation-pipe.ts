import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { DomainError, type FieldError } from '@ambito/contracts';
import { messaggioItaliano } from './messaggi-italiani';

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const campo = parent ? `${parent}.${error.property}` : error.property;
    const own: FieldError[] = error.constraints
      ? [
          {
            campo,
            messaggi: Object.entries(error.constraints).map(([constraint, message]) =>
              messaggioItaliano(constraint, message),
            ),
          },
        ]
      : [];
    return [...own, ...flatten(error.children ?? [], campo)];
  });
}

/**
 * One validation mechanism at every edge (HTTP bodies and NATS payloads): unknown fields are
 * refused, types converted, and failures become VALIDAZIONE_FALLITA with the fields in error.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) =>
      new DomainError(
        'VALIDAZIONE_FALLITA',
        'Dati non validi: correggere i campi indicati.',
        flatten(errors),
      ),
  });
}
