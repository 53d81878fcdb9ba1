import { Centesimi, Descrizione, Intero, Nullable } from '../../common/schema-decorators';

/* Described fields of the budget replies: the common decorators with what the value is. */

const insieme =
  (...decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) =>
    decorators.forEach((d) => d(target, key));

/** `@Centesimi()` (integer cents, `int64`) with what the amount is. */
export const Importo = (descrizione: string): PropertyDecorator =>
  insieme(Centesimi(), Descrizione(`${descrizione} (centesimi di euro)`));

/** `@Intero()` (`int32`) with what the number is. */
export const InteroDescritto = (
  descrizione: string,
  opzioni: { min?: number; max?: number; nullable?: boolean } = {},
): PropertyDecorator =>
  insieme(...(opzioni.nullable ? [Nullable()] : []), Intero(opzioni), Descrizione(descrizione));

/** `@Nullable()` with what the field is and what null means. */
export const NullableDescritto = (descrizione: string): PropertyDecorator =>
  insieme(Nullable(), Descrizione(descrizione));
