import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  Min,
  MinLength,
  Validate,
  ValidateIf,
} from 'class-validator';
import { ACTOR_TOKEN_MAX_TTL_SECONDS, ACTOR_TOKEN_TTL_SECONDS, SigningKeyConfig } from '@ambito/messaging';
import { ServiceConfig, loadConfig } from '@ambito/service-runtime';
import { AuthModeAmmesso } from './auth-mode-ammesso.validator';

export const AUTH_MODES = ['local', 'oidc'] as const;
export type AuthMode = (typeof AUTH_MODES)[number];

/** The gateway's environment, validated at start-up (every problem listed at once). */
export class GatewayConfig extends ServiceConfig {
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

  @IsInt()
  @Min(100)
  @Max(120_000)
  RPC_TIMEOUT_MS: number = 5000;

  /**
   * The private Ed25519 JWK the gateway signs the actor of each NATS request with (the services trust
   * its public half, ACTOR_TRUSTED_KEYS); inline or in the file GATEWAY_SIGNING_KEY_FILE.
   */
  @SigningKeyConfig()
  GATEWAY_SIGNING_KEY?: string;

  @IsOptional()
  @IsString()
  GATEWAY_SIGNING_KEY_FILE?: string;

  /** Lifetime of each signed actor: enough for one request, RPC_TIMEOUT_MS included. */
  @IsInt()
  @Min(5)
  @Max(ACTOR_TOKEN_MAX_TTL_SECONDS)
  ACTOR_TOKEN_TTL_SECONDS: number = ACTOR_TOKEN_TTL_SECONDS;
}

/**
 * Reads the gateway's configuration. `AUTH_MODE` defaults to `local` only outside production, where
 * it must be set explicitly (and only `oidc` is accepted).
 */
export function loadGatewayConfig(env: Record<string, string | undefined> = process.env): GatewayConfig {
  const authMode = env.AUTH_MODE || (env.NODE_ENV === 'production' ? undefined : 'local');
  return loadConfig(GatewayConfig, { ...env, AUTH_MODE: authMode });
}
