import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { TrustedKeysConfig } from '@ambito/messaging';
import { MIGRATION_MODES, type MigrationMode } from '@ambito/persistence';
import { DURATA, DURATA_MESSAGGIO } from './durata';

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

  /**
   * The process's own NATS user (its service name, `gateway` for the gateway): the server grants it only
   * the subjects its declarations need and refuses anonymous clients. With NATS_PASSWORD or
   * NATS_PASSWORD_FILE (a file holding the password, e.g. a mounted secret).
   */
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9-]*$/, { message: 'utente NATS in minuscolo, es. accesso' })
  NATS_USER?: string;

  @ValidateIf((c: ServiceConfig) => !!c.NATS_USER && !c.NATS_PASSWORD_FILE)
  @IsString({ message: 'obbligatorio con NATS_USER (oppure NATS_PASSWORD_FILE)' })
  @IsNotEmpty({ message: 'obbligatorio con NATS_USER (oppure NATS_PASSWORD_FILE)' })
  NATS_PASSWORD?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  NATS_PASSWORD_FILE?: string;

  /** CA (PEM) of the NATS server's certificate, for `tls://` URLs with a private CA. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  NATS_TLS_CA_FILE?: string;

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

  /**
   * Port of the management listener that serves `/metrics` (Prometheus), apart from the public port.
   * Unset: `/metrics` is served on the public port outside production only.
   */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(65535)
  METRICS_PORT?: number;

  /**
   * OpenTelemetry: the OTLP/HTTP collector the spans are sent to (`<url>/v1/traces`). Unset, no span is
   * exported; the W3C trace context is passed on all the same.
   */
  @IsOptional()
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['http', 'https'] },
    { message: 'URL del collector OTLP/HTTP, es. http://otel-collector:4318' },
  )
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;

  /** Address of the management listener: loopback unless a scraper elsewhere must reach it. */
  @IsString()
  @IsNotEmpty()
  METRICS_HOST: string = '127.0.0.1';
}

/** A service that owns data: its PostgreSQL database and its own schema in it. */
export class DataServiceConfig extends ServiceConfig {
  @Matches(/^postgres(ql)?:\/\//, {
    message: 'obbligatorio, es. postgres://utente:password@host:5432/ambito',
  })
  DATABASE_URL: string;

  /**
   * The schema owner's role, which runs the migrations and then grants the runtime role of DATABASE_URL
   * what it may do (docs/database-roles.md); DATABASE_URL when absent (one role for both).
   */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, {
    message:
      'URL PostgreSQL del proprietario dello schema, es. postgres://accesso_owner:password@host:5432/ambito',
  })
  DATABASE_MIGRATION_URL?: string;

  /**
   * `on-start` (default): each replica applies the pending migrations before serving. `verify`: a Job
   * applied them before the rollout (`main.js migrate`, docker/k8s) and the replica only checks that none
   * is pending, refusing to start otherwise; it then needs no DATABASE_MIGRATION_URL.
   */
  @IsIn(MIGRATION_MODES, { message: `uno tra ${MIGRATION_MODES.join(', ')}` })
  DATABASE_MIGRATIONS: MigrationMode = 'on-start';

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
  /**
   * Who may sign the actor of the requests the service serves: JSON { "<issuer>": { "keys": [<public
   * Ed25519 JWK>] } } (`gateway` today), inline or in the file ACTOR_TRUSTED_KEYS_FILE.
   */
  @TrustedKeysConfig()
  ACTOR_TRUSTED_KEYS?: string;

  @IsOptional()
  @IsString()
  ACTOR_TRUSTED_KEYS_FILE?: string;

  /**
   * Retention (docs/operations.md). Events stay on the service's stream EVT_<SERVICE> for 30 days: a
   * consumer down over a long holiday, or rebuilt, still finds what it missed; after that the database
   * is the source of truth. Dead letters stay 90 days on DLQ_<SERVICE>: a quarter to notice the alert,
   * investigate and replay. Applied to existing streams at every start.
   */
  @Matches(DURATA, { message: DURATA_MESSAGGIO })
  EVENT_STREAM_MAX_AGE: string = '30d';

  @Matches(DURATA, { message: DURATA_MESSAGGIO })
  DLQ_STREAM_MAX_AGE: string = '90d';

  /** Published outbox rows are deleted after this; inbox rows after the longer of the two stream ages. */
  @Matches(DURATA, { message: DURATA_MESSAGGIO })
  OUTBOX_RETENTION: string = '7d';

  /** How often each replica runs the purge (bounded DELETEs, safe concurrently). */
  @Matches(DURATA, { message: DURATA_MESSAGGIO })
  PURGE_INTERVAL: string = '1h';

  @IsInt()
  @Min(1)
  @Max(100_000)
  PURGE_BATCH_SIZE: number = 1000;
}
