import { Param, ParseUUIDPipe } from '@nestjs/common';
import { DomainError } from '@ambito/contracts';

/** The `:id` path parameter, which must be a UUID (400 problem+json with the field otherwise). */
export const IdParam = (): ParameterDecorator =>
  Param(
    'id',
    new ParseUUIDPipe({
      exceptionFactory: () =>
        new DomainError('VALIDAZIONE_FALLITA', 'Dati non validi: correggere i campi indicati.', [
          { campo: 'id', messaggi: ['id: deve essere un UUID'] },
        ]),
    }),
  );
