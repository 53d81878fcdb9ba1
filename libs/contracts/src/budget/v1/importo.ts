import { IsInt, Max, Min, ValidateBy } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { getMetadataSchema } from 'class-validator-jsonschema/build/decorators';

/** The largest amount the platform handles: Money's safe-integer range of cents. */
export const IMPORTO_MASSIMO_CENTESIMI = Number.MAX_SAFE_INTEGER;

/**
 * An amount in integer euro cents, strictly positive: a fractional cent, a negative or zero amount, a
 * string or a number beyond the safe range is a validation error (money never travels as floating euros).
 */
export function IsImportoCentesimi(campo = 'importoCentesimi'): PropertyDecorator {
  const decorators = [
    IsInt({ message: `${campo}: importo in centesimi di euro, numero intero (es. 123456 = € 1.234,56)` }),
    Min(1, { message: `${campo}: deve essere maggiore di zero` }),
    Max(IMPORTO_MASSIMO_CENTESIMI, { message: `${campo}: importo troppo grande` }),
    SchemaCentesimi(),
  ];
  return (target, key) => decorators.forEach((d) => d(target, key));
}

/**
 * The published schema of an amount in a request: `integer`, `int64`. Only the schema: the generator,
 * left to the validators, would say `number` (from `@Min`/`@Max`) or `int32`.
 */
export function SchemaCentesimi(): PropertyDecorator {
  return (target, key) =>
    JSONSchema({
      ...(getMetadataSchema(target, String(key)) as Record<string, unknown>),
      type: 'integer',
      format: 'int64',
      description: 'Importo in centesimi di euro',
    })(target, String(key));
}

/** `AAAA-MM-GG` (a legal date) or an ISO instant: the moment at which balances are reconstructed. */
export const ALLA_PATTERN =
  /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;
export const CODICE_PATTERN = /^[A-Z0-9][A-Z0-9.-]{0,39}$/;

/**
 * A day or an instant that exists: the pattern lets `0000-00-00` or `2024-02-30` through, which
 * PostgreSQL refuses mid-query (a 500 found by the fuzz, `situazioneLinea?alla=0000-00-00`).
 */
export function eIstanteReale(valore: unknown): boolean {
  if (typeof valore !== 'string' || !ALLA_PATTERN.test(valore)) return false;
  const giorno = valore.slice(0, 10);
  const d = new Date(`${giorno}T00:00:00Z`);
  return (
    !Number.isNaN(d.getTime()) &&
    d.getUTCFullYear() >= 1 &&
    d.toISOString().slice(0, 10) === giorno &&
    !Number.isNaN(Date.parse(valore.length > 10 ? valore : `${giorno}T00:00:00Z`))
  );
}

export const IstanteReale = (message: string): PropertyDecorator =>
  ValidateBy({ name: 'istanteReale', validator: { validate: eIstanteReale, defaultMessage: () => message } });
