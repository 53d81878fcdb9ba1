import { Type } from 'class-transformer';
import {
  IsDefined,
  IsInt,
  IsNumber,
  Max,
  Min,
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { getMetadataSchema } from 'class-validator-jsonschema/build/decorators';
import type { Classe } from './declarations';

/*
 * Decorators of reply and event classes. They validate (contract tests, consumers of events) and they
 * are what the published JSON schemas are generated from, so a field is described where it is declared.
 */

const insieme =
  (...decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) =>
    decorators.forEach((d) => d(target, key));

/** Adds to the field's schema: the library keeps one schema per field, so stacked decorators merge. */
const jsonSchema =
  (schema: Record<string, unknown>): PropertyDecorator =>
  (target, key) =>
    JSONSchema({ ...(getMetadataSchema(target, String(key)) as Record<string, unknown>), ...schema })(
      target,
      String(key),
    );

/** The field is always present and may be `null` (the other decorators apply when it is not). */
export const Nullable = (): PropertyDecorator =>
  insieme(
    ValidateIf((_o, value: unknown) => value !== null),
    jsonSchema({ nullable: true }),
  );

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/**
 * An integer that fits 32 bits (counts, scores, years): bounded to int32 even without `min`/`max`, so
 * an oversized number is a validation error, not an integer column's overflow (a 500).
 */
export const Intero = (opzioni: { min?: number; max?: number } = {}): PropertyDecorator =>
  insieme(
    IsInt(),
    Min(opzioni.min ?? INT32_MIN),
    Max(opzioni.max ?? INT32_MAX),
    jsonSchema({ format: 'int32' }),
  );

/**
 * A number with at most `cifre` decimal places (FTE, ratios). Not class-validator's `maxDecimalPlaces`,
 * which splits the number's text on '.' and throws on exponent notation (`1e-7`: a 500, found by the fuzz).
 */
export const Decimale = (cifre: number): PropertyDecorator =>
  insieme(
    IsNumber({ allowNaN: false, allowInfinity: false }),
    ValidateBy({
      name: 'decimaliMassimi',
      constraints: [cifre],
      validator: {
        validate: (value: unknown) =>
          typeof value === 'number' &&
          Number.isFinite(value) &&
          Math.round(value * 10 ** cifre) / 10 ** cifre === value,
        defaultMessage: () => `al massimo ${cifre} cifre decimali`,
      },
    }),
    jsonSchema({ multipleOf: 10 ** -cifre }),
  );

/** An amount in integer euro cents (may be zero or negative in balances): `int64`, within the safe integers. */
export const Centesimi = (): PropertyDecorator =>
  insieme(
    IsInt(),
    Min(-Number.MAX_SAFE_INTEGER),
    Max(Number.MAX_SAFE_INTEGER),
    jsonSchema({ format: 'int64', description: 'Importo in centesimi di euro' }),
  );

/** A nested object of a contract class (`lista` for an array of them); required unless `Nullable`/optional. */
export const Annidato = (classe: () => Classe, opzioni: { lista?: boolean } = {}): PropertyDecorator =>
  insieme(IsDefined(), ValidateNested({ each: opzioni.lista ?? false }), Type(classe));

/** Describes a field in the published schemas. */
export const Descrizione = (description: string): PropertyDecorator => jsonSchema({ description });

/** Describes a whole class (reply, event) in the published schemas. */
export const DescrizioneClasse =
  (description: string): ClassDecorator =>
  (target) => {
    JSONSchema({ description })(target as unknown as object);
  };
