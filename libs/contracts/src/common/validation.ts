import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import type { Classe } from './declarations';
import { DomainError } from './domain-error';
import type { FieldError } from './error-codes';
import { messaggioItaliano } from './messaggi-italiani';

/** How strictly a value is checked against its contract class. */
export interface OpzioniValidazione {
  /** Unknown fields are refused (commands); replies and events may carry fields a reader ignores. */
  rifiutaCampiIgnoti?: boolean;
}

/** class-validator's tree of errors, flattened to the fields an operator can correct. */
export function campiInErrore(errors: ValidationError[], parent = ''): FieldError[] {
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
    return [...own, ...campiInErrore(error.children ?? [], campo)];
  });
}

export function validazioneFallita(details: FieldError[]): DomainError {
  return new DomainError('VALIDAZIONE_FALLITA', 'Dati non validi: correggere i campi indicati.', details);
}

/**
 * The one validation of every edge (HTTP body, NATS request, event payload): the plain value becomes an
 * instance of its contract class, or a VALIDAZIONE_FALLITA with the fields in error.
 */
export async function validaContratto<T extends object>(
  classe: Classe<T>,
  valore: unknown,
  opzioni: OpzioniValidazione = { rifiutaCampiIgnoti: true },
): Promise<T> {
  if (valore === null || typeof valore !== 'object' || Array.isArray(valore)) {
    throw validazioneFallita([{ campo: '', messaggi: ['deve essere un oggetto JSON'] }]);
  }
  const instance = plainToInstance(classe, valore, { enableImplicitConversion: false });
  const errors = await validate(instance, {
    whitelist: opzioni.rifiutaCampiIgnoti ?? true,
    forbidNonWhitelisted: opzioni.rifiutaCampiIgnoti ?? true,
    forbidUnknownValues: true,
  });
  if (errors.length > 0) throw validazioneFallita(campiInErrore(errors));
  return instance;
}
