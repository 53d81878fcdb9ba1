import { JSONSchema } from 'class-validator-jsonschema';
import { Centesimi, Intero, Nullable } from '../../common/schema-decorators';

/*
 * Described fields of the budget replies. class-validator-jsonschema keeps ONE schema object per field
 * (the decorator applied last wins), so `@Descrizione()` stacked on `@Centesimi()` or `@Nullable()`
 * would drop their `format`/`nullable`: these decorators validate exactly like the common ones and
 * write the field's whole schema once.
 */

const insieme =
  (...decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) =>
    decorators.forEach((d) => d(target, key));

const schema =
  (value: Record<string, unknown>): PropertyDecorator =>
  (target, key) =>
    JSONSchema(value)(target, String(key));

/** `@Centesimi()` (integer cents, `int64`) with what the amount is. */
export const Importo = (descrizione: string): PropertyDecorator =>
  insieme(Centesimi(), schema({ format: 'int64', description: `${descrizione} (centesimi di euro)` }));

/** `@Intero()` (`int32`) with what the number is. */
export const InteroDescritto = (
  descrizione: string,
  opzioni: { min?: number; max?: number; nullable?: boolean } = {},
): PropertyDecorator =>
  insieme(
    ...(opzioni.nullable ? [Nullable()] : []),
    Intero(opzioni),
    schema({ format: 'int32', description: descrizione, ...(opzioni.nullable ? { nullable: true } : {}) }),
  );

/** `@Nullable()` with what the field is and what null means. */
export const NullableDescritto = (descrizione: string): PropertyDecorator =>
  insieme(Nullable(), schema({ nullable: true, description: descrizione }));

/** A class's description in the published schemas. */
export const DescrizioneClasse =
  (descrizione: string): ClassDecorator =>
  (target) =>
    JSONSchema({ description: descrizione })(target as unknown as object);
