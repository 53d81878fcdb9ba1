import { Param, type PipeTransform } from '@nestjs/common';
import { CODICE_PATTERN, DomainError } from '@ambito/contracts';

class CodicePipe implements PipeTransform<string, string> {
  constructor(private readonly campo: string) {}

  transform(value: string): string {
    if (!CODICE_PATTERN.test(value))
      throw new DomainError('VALIDAZIONE_FALLITA', 'Dati non validi: correggere i campi indicati.', [
        { campo: this.campo, messaggi: [`${this.campo}: codice in maiuscolo, es. FNA-B2`] },
      ]);
    return value;
  }
}

/** A path parameter that is a code (fund, line): uppercase letters, digits, '.', '-'. */
export const CodiceParam = (name: string): ParameterDecorator => Param(name, new CodicePipe(name));
