import { registerDecorator, type ValidationOptions } from 'class-validator';
import { CodiceFiscale } from './codice-fiscale';

/** class-validator rule: a valid codice fiscale (format, check character, omocodia). */
export function IsCodiceFiscale(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isCodiceFiscale',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: 'codice fiscale non valido', ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && CodiceFiscale.isValid(value) },
    });
}
