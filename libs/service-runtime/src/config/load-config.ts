import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

/** A configuration problem found at start-up; the process exits with this message. */
export class ConfigurationError extends Error {}

/**
 * Reads and validates the environment into a typed config class at start-up, failing with every
 * problem listed at once instead of a crash later on the first use of a missing value.
 * Annotate every property with its type (`PORT: number = 3000`): conversion follows the reflected type.
 */
export function loadConfig<T extends object>(
  schema: new () => T,
  env: Record<string, string | undefined> = process.env,
): T {
  const config = plainToInstance(schema, env, { enableImplicitConversion: true, exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: false, forbidUnknownValues: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => `  - ${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new ConfigurationError(`Configurazione non valida:\n${lines.join('\n')}`);
  }
  return config;
}
