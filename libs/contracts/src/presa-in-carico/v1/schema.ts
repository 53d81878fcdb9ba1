import { IsObject } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';

/* A schema helper of the presa-in-carico contracts that the common decorators do not cover. */

/** An object of integer values keyed by item code (`{ "A1": 1, "A2": 0 }`). */
export const MappaInteri =
  (description?: string): PropertyDecorator =>
  (target, key) => {
    IsObject()(target, key);
    JSONSchema({
      type: 'object',
      additionalProperties: { type: 'integer', format: 'int32' },
      ...(description ? { description } : {}),
    })(target, String(key));
  };
