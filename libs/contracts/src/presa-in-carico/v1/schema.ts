import { IsObject } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';

/*
 * Schema helpers of the presa-in-carico contracts that the common decorators do not cover: the
 * description of a whole class and the maps of answers of an assessment.
 */

/** Describes a reply or event class in the published schemas. */
export const DescrizioneClasse =
  (description: string): ClassDecorator =>
  (target) => {
    JSONSchema({ description })(target);
  };

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
