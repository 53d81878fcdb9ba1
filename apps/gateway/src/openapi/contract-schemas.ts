import type { SchemaObject } from '@nestjs/swagger';
// @Type() of nested arrays (obiettivi, interventi…) is read from class-transformer's own storage.
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { targetConstructorToSchema, validationMetadatasToSchemas } from 'class-validator-jsonschema';
import * as contracts from '@ambito/contracts';

const REF_PREFIX = '#/components/schemas/';

/**
 * JSON schemas of the class-validator DTOs of `@ambito/contracts` (which carry no swagger decorators:
 * contracts import no framework), generated from the same metadata that validates the requests.
 */
export function contractSchemas(): Record<string, SchemaObject> {
  const all = validationMetadatasToSchemas({
    refPointerPrefix: REF_PREFIX,
    classTransformerMetadataStorage: defaultMetadataStorage,
  }) as Record<string, SchemaObject>;
  const contractClasses = new Set(
    Object.entries(contracts)
      .filter(([, value]) => typeof value === 'function')
      .map(([name]) => name),
  );
  return Object.fromEntries(Object.entries(all).filter(([name]) => contractClasses.has(name)));
}

/** Schema of a class of the gateway's own (e.g. a body without the path id). */
export function classSchema(target: new () => object): SchemaObject {
  return targetConstructorToSchema(target, {
    refPointerPrefix: REF_PREFIX,
    classTransformerMetadataStorage: defaultMetadataStorage,
  }) as SchemaObject;
}
