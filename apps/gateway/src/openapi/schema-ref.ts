import { getSchemaPath, type ReferenceObject } from '@nestjs/swagger';

/** `$ref` to a schema of `components.schemas` (contract DTOs, replies, Problem). */
export function ref(name: string): ReferenceObject {
  return { $ref: getSchemaPath(name) };
}
