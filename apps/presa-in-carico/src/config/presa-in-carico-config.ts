import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUrl, Matches, Max, Min } from 'class-validator';
import { loadConfig } from '@ambito/service-runtime';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** The presa-in-carico service's environment, validated at start-up (every problem listed at once). */
export class PresaInCaricoConfig {
  @IsString()
  NODE_ENV: string = 'development';

  @Matches(/^postgres(ql)?:\/\//, {
    message: 'obbligatorio, es. postgres://utente:password@host:5432/ambito',
  })
  DATABASE_URL: string;

  @Matches(/^[a-z_][a-z0-9_]*$/, { message: 'nome di schema PostgreSQL in minuscolo, es. presa_in_carico' })
  DATABASE_SCHEMA: string = 'presa_in_carico';

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
  HTTP_PORT: number = 3103;

  @IsString()
  @IsNotEmpty()
  HTTP_HOST: string = '0.0.0.0';

  @Matches(/^[A-Z0-9-]{2,32}$/, { message: 'codice dell’Ambito in maiuscolo, es. CREMA' })
  AMBITO_CODICE: string = 'CREMA';

  /** JSON file with the ambito's territorio; the Ambito Cremasco demo seed when absent. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  TERRITORIO_FILE?: string;

  /** LEPS servizio sociale professionale: inhabitants per assistente sociale (L. 178/2020, 1:5,000). */
  @IsInt()
  @Min(100)
  @Max(100000)
  LEPS_ABITANTI_PER_AS: number = 5000;

  /** A proposta still unassigned after these days is an alert for the coordinator. */
  @IsInt()
  @Min(1)
  @Max(365)
  GIORNI_AVVISO_PROPOSTA: number = 30;

  /** A project waiting for the Comune's decision after these days is an alert. */
  @IsInt()
  @Min(1)
  @Max(365)
  GIORNI_AVVISO_DECISIONE: number = 15;

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: string = 'info';
}

export function loadPresaInCaricoConfig(
  env: Record<string, string | undefined> = process.env,
): PresaInCaricoConfig {
  return loadConfig(PresaInCaricoConfig, env);
}
