import { ValidateBy } from 'class-validator';
import { problemaTerritorioInProduzione } from './territorio-file';

type ConTerritorio = { NODE_ENV?: string; TERRITORIO_FILE?: unknown };

function problema(value: unknown, object: object): string | null {
  const { NODE_ENV } = object as ConTerritorio;
  if (value === undefined) return problemaTerritorioInProduzione(undefined, NODE_ENV);
  if (typeof value !== 'string' || value.trim() === '')
    return 'percorso di un file JSON del territorio, es. libs/territorio/src/seed/ambito-oglio-po.v1.json';
  return problemaTerritorioInProduzione(value, NODE_ENV);
}

/**
 * The TERRITORIO_FILE variable of a service's config: optional in development and tests (the demo
 * seed), required in production, where an illustrative file is refused before the service starts.
 * The config class must have NODE_ENV (ServiceConfig has it).
 */
export function TerritorioFileConfig(): PropertyDecorator {
  return ValidateBy({
    name: 'territorioFile',
    validator: {
      validate: (value: unknown, args) => problema(value, args?.object ?? {}) === null,
      defaultMessage: (args) => (args ? (problema(args.value, args.object) ?? '') : ''),
    },
  });
}
