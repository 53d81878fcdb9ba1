// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- ambient types of a deep import, needed wherever this file is compiled
/// <reference path="./class-transformer-storage.d.ts" />
// @Type() of nested objects (obiettivi, interventi…) is read from class-transformer's own storage.
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { targetConstructorToSchema } from 'class-validator-jsonschema';
import type { Classe } from './declarations';

export type SchemaJson = Record<string, unknown>;

/**
 * JSON schemas generated from the contract classes themselves (the class-validator decorators that
 * validate them), in the OpenAPI 3.0 dialect: the one source of the published API descriptions.
 */
export class SchemiContratto {
  private readonly schemi = new Map<string, SchemaJson>();
  private readonly classi = new Map<string, Classe>();

  constructor(private readonly prefisso: string) {}

  /** Adds a class and every class it nests; returns the `$ref` to it. */
  riferimento(classe: Classe): SchemaJson {
    this.aggiungi(classe);
    return { $ref: this.prefisso + classe.name };
  }

  /** The schema of a class (for a body made of some of its fields). */
  schema(classe: Classe): SchemaJson {
    this.aggiungi(classe);
    return this.schemi.get(classe.name)!;
  }

  /** Every schema added so far, by name. */
  tutti(): Record<string, SchemaJson> {
    return Object.fromEntries([...this.schemi.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  private aggiungi(classe: Classe): void {
    const altra = this.classi.get(classe.name);
    if (altra === classe) return;
    if (altra) throw new Error(`Due classi di contratto con lo stesso nome: ${classe.name}`);
    this.classi.set(classe.name, classe);
    const schema = normalizza(
      targetConstructorToSchema(classe, {
        refPointerPrefix: this.prefisso,
        classTransformerMetadataStorage: defaultMetadataStorage,
        // A required field is in `required`; `not: { type: 'null' }` is not OpenAPI 3.0.
        // Decimale's own check: its schema (`multipleOf`) is declared with the decorator.
        additionalConverters: { isDefined: {}, decimaliMassimi: {} },
      }) as SchemaJson,
    );
    if (!schema.type) Object.assign(schema, { type: 'object', properties: {} });
    this.schemi.set(classe.name, schema);
    for (const [proprieta, valore] of Object.entries(
      (schema.properties ?? {}) as Record<string, SchemaJson>,
    )) {
      const ref = (valore.$ref ??
        (valore.items as SchemaJson | undefined)?.$ref ??
        (valore.allOf as SchemaJson[] | undefined)?.[0]?.$ref) as string | undefined;
      if (!ref) continue;
      const annidata = classeAnnidata(classe, proprieta);
      if (!annidata) throw new Error(`${classe.name}.${proprieta}: manca @Type(() => Classe) per ${ref}`);
      this.aggiungi(annidata);
    }
  }
}

function classeAnnidata(classe: Classe, proprieta: string): Classe | undefined {
  for (let target: unknown = classe; typeof target === 'function' && target !== Function.prototype;) {
    const meta = defaultMetadataStorage.findTypeMetadata(target as Classe, proprieta);
    if (meta) return meta.typeFunction() as Classe;
    target = Object.getPrototypeOf(target);
  }
  return undefined;
}

/**
 * What the generator says loosely, said precisely: integers with their size (`int32` unless declared
 * `int64`, as money is), other numbers as `double`, ISO instants as `date-time` (not "date or date-time"), and a `$ref` with
 * siblings (nullable, description) wrapped in `allOf`, where siblings are allowed.
 */
function normalizza(schema: SchemaJson): SchemaJson {
  if (schema.type === 'integer' && !schema.format) schema.format = 'int32';
  if (schema.type === 'number' && !schema.format) schema.format = 'double';
  const oneOf = schema.oneOf as SchemaJson[] | undefined;
  if (
    oneOf?.length === 2 &&
    oneOf.every((s) => s.type === 'string') &&
    oneOf.some((s) => s.format === 'date-time')
  ) {
    delete schema.oneOf;
    Object.assign(schema, { type: 'string', format: 'date-time' });
  }
  if (typeof schema.$ref === 'string' && Object.keys(schema).length > 1) {
    const ref = schema.$ref;
    delete schema.$ref;
    schema.allOf = [{ $ref: ref }];
    if (schema.nullable) schema.type = 'object';
  }
  for (const chiave of ['properties', 'items', 'additionalProperties']) {
    const figlio = schema[chiave];
    if (!figlio || typeof figlio !== 'object') continue;
    if (chiave === 'properties') {
      for (const valore of Object.values(figlio as Record<string, SchemaJson>)) normalizza(valore);
    } else normalizza(figlio as SchemaJson);
  }
  return schema;
}

/** The names of the schemas a JSON value refers to (`$ref` to `prefisso + nome`), transitively. */
export function schemiRaggiunti(
  radice: unknown,
  schemi: Record<string, SchemaJson>,
  prefisso: string,
): Set<string> {
  const visti = new Set<string>();
  const visita = (valore: unknown): void => {
    if (Array.isArray(valore)) return valore.forEach(visita);
    if (!valore || typeof valore !== 'object') return;
    for (const [chiave, figlio] of Object.entries(valore)) {
      if (chiave === '$ref' && typeof figlio === 'string' && figlio.startsWith(prefisso)) {
        const nome = figlio.slice(prefisso.length);
        if (!visti.has(nome)) {
          visti.add(nome);
          visita(schemi[nome]);
        }
      } else visita(figlio);
    }
  };
  visita(radice);
  return visti;
}
