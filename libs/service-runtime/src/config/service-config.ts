import { IsIn, IsInt, IsNotEmpty, IsString, IsUrl, Matches, Max, Min } from 'class-validator';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** What every app reads from its environment; each app's config extends it (see loadConfig). */
export class ServiceConfig {
  @IsString()
  NODE_ENV: string = 'development';

  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['nats', 'tls'] },
    { message: 'obbligatorio, es. nats://127.0.0.1:4222' },
  )
  NATS_URL: string;

  @IsInt()
  @Min(1)
  @Max(65535)
  HTTP_PORT: number = 3000;

  @IsString()
  @IsNotEmpty()
  HTTP_HOST: string = '0.0.0.0';

  @Matches(/^[A-Z0-9-]{2,32}$/, { message: 'codice dell’Ambito in maiuscolo, es. CREMA' })
  AMBITO_CODICE: string = 'CREMA';

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: string = 'info';
}

/** A service that owns data: its PostgreSQL database and its own schema in it. */
export class DataServiceConfig extends ServiceConfig {
  @Matches(/^postgres(ql)?:\/\//, {
    message: 'obbligatorio, es. postgres://utente:password@host:5432/ambito',
  })
  DATABASE_URL: string;

  /** Each service sets its own default (accesso, budget, presa_in_carico). */
  @Matches(/^[a-z_][a-z0-9_]*$/, { message: 'nome di schema PostgreSQL in minuscolo, es. accesso' })
  DATABASE_SCHEMA: string;

  @IsInt()
  @Min(1)
  @Max(100)
  DATABASE_POOL_SIZE: number = 10;

  /** How long an Idempotency-Key and the reply it returns are kept, in hours (libs/messaging). */
  @IsInt()
  @Min(1)
  @Max(720)
  IDEMPOTENCY_TTL_HOURS: number = 24;
}
