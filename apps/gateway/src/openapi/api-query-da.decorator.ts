import { applyDecorators } from '@nestjs/common';
import { ApiQuery, type SchemaObject } from '@nestjs/swagger';
import { classSchema } from './contract-schemas';

/** Documents the query parameters of a route from the class-validator DTO that validates them. */
export function ApiQueryDa(dto: new () => object): MethodDecorator {
  const schema = classSchema(dto);
  const required = new Set(schema.required ?? []);
  return applyDecorators(
    ...Object.entries(schema.properties ?? {}).map(([name, property]) =>
      ApiQuery({ name, required: required.has(name), schema: property as SchemaObject }),
    ),
  );
}
