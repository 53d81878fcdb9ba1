import { IsIn, IsInt, IsNotEmpty, IsString, IsUrl, Matches, Max, Min } from 'class-validator';
import { loadConfig } from '@ambito/service-runtime';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** The budget service's environment, validated at start-up (every problem listed at once). */
export class BudgetConfig {
  @IsString()
  NODE_ENV: string = 'development';

  @Matches(/^postgres(ql)?:\/\//, {
    message: 'obbligatorio, es. postgres://utente:password@host:5432/ambito',
  })
  DATABASE_URL: string;

  @Matches(/^[a-z_][a-z0-9_]*$/, { message: 'nome di schema PostgreSQL in minuscolo, es. budget' })
  DATABASE_SCHEMA: string = 'budget';

  @IsInt()
  @Min(1)
  @Max(100)
  DATABASE_POOL_SIZE: number = 10;

  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['nats', 'tls'] },
    { message: 'obbligatorio, es. nats://127.0.0.1:4222' },
  )
  NATS_URL: string;

  @IsInt()
  @Min(1)
  @Max(65535)
  HTTP_PORT: number = 3102;

  @IsString()
  @IsNotEmpty()
  HTTP_HOST: string = '0.0.0.0';

  @Matches(/^[A-Z0-9-]{2,32}$/, { message: 'codice dell’Ambito in maiuscolo, es. CREMA' })
  AMBITO_CODICE: string = 'CREMA';

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: string = 'info';
}

export function loadBudgetConfig(env: Record<string, string | undefined> = process.env): BudgetConfig {
  return loadConfig(BudgetConfig, env);
}
