import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  Validate,
  ValidateIf,
} from 'class-validator';
import { loadConfig } from '@ambito/service-runtime';
import { AuthModeAmmesso } from './auth-mode-ammesso.validator';

export const AUTH_MODES = ['local', 'oidc'] as const;
export type AuthMode = (typeof AUTH_MODES)[number];

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** The gateway's environment, validated at start-up (every problem listed at once). */
export class GatewayConfig {
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

  @IsIn(AUTH_MODES, {
    message: '"local" oppure "oidc" (obbligatorio con NODE_ENV=production, dove vale solo "oidc")',
  })
  @Validate(AuthModeAmmesso)
  AUTH_MODE: AuthMode;

  /** HS256 secret of the local issuer; the dev start script generates one, nothing is hard-coded here. */
  @ValidateIf((c: GatewayConfig) => c.AUTH_MODE === 'local')
  @IsString({ message: 'obbligatorio con AUTH_MODE=local' })
  @MinLength(32, { message: 'almeno 32 caratteri' })
  JWT_LOCAL_SECRET?: string;

  @IsInt()
  @Min(60)
  @Max(86_400)
  JWT_TTL_SECONDS: number = 3600;

  @ValidateIf((c: GatewayConfig) => c.AUTH_MODE === 'oidc')
  @IsString({ message: 'obbligatorio con AUTH_MODE=oidc' })
  @IsNotEmpty({ message: 'non può essere vuoto' })
  OIDC_ISSUER?: string;

  @ValidateIf((c: GatewayConfig) => c.AUTH_MODE === 'oidc')
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['http', 'https'] },
    { message: 'obbligatorio con AUTH_MODE=oidc, URL http(s) delle chiavi pubbliche (JWKS)' },
  )
  OIDC_JWKS_URL?: string;

  @ValidateIf((c: GatewayConfig) => c.AUTH_MODE === 'oidc')
  @IsString({ message: 'obbligatorio con AUTH_MODE=oidc' })
  @IsNotEmpty({ message: 'non può essere vuoto' })
  OIDC_AUDIENCE?: string;

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: string = 'info';

  @IsInt()
  @Min(100)
  @Max(120_000)
  RPC_TIMEOUT_MS: number = 5000;
}

/**
 * Reads the gateway's configuration. `AUTH_MODE` defaults to `local` only outside production, where
 * it must be set explicitly (and only `oidc` is accepted).
 */
export function loadGatewayConfig(env: Record<string, string | undefined> = process.env): GatewayConfig {
  const authMode = env.AUTH_MODE || (env.NODE_ENV === 'production' ? undefined : 'local');
  return loadConfig(GatewayConfig, { ...env, AUTH_MODE: authMode });
}
