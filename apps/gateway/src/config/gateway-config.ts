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

export const AUTH_MODES = ['oidc', 'demo'] as const;
export type AuthMode = (typeof AUTH_MODES)[number];

const AUTH_MODE_OBBLIGATORIO =
  'obbligatorio, senza valore predefinito: AUTH_MODE=oidc (il fornitore di identità dell’Ambito, in produzione) oppure AUTH_MODE=demo (utenti dimostrativi con password "demo", solo su questa macchina: mai in produzione)';

/** The gateway's environment, validated at start-up (every problem listed at once). */
export class GatewayConfig extends ServiceConfig {
  /**
   * No default: whoever starts the gateway says how users log in. `demo` is refused in production and
   * on any address but loopback (AuthModeAmmesso).
   */
  @IsIn(AUTH_MODES, {
    message: ({ value }) =>
      value === 'local'
        ? 'AUTH_MODE=local non esiste più: per gli utenti dimostrativi AUTH_MODE=demo (solo in ascolto su 127.0.0.1), in produzione AUTH_MODE=oidc'
        : AUTH_MODE_OBBLIGATORIO,
  })
  @Validate(AuthModeAmmesso)
  AUTH_MODE: AuthMode;

  /** HS256 secret of the demo issuer; the dev start script generates one, nothing is hard-coded here. */
  @ValidateIf((c: GatewayConfig) => c.AUTH_MODE === 'demo')
  @IsString({ message: 'obbligatorio con AUTH_MODE=demo' })
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

  /*
   * The WaaS API INPS polls through PDND (/api/v1/waas/v1, apps/gateway/src/waas): on when PDND_AUDIENCE
   * is set, with PDND's public keys from a JWKS file (a pinned copy; the demo's local PDND) or its URL.
   */
  @IsOptional()
  @IsString()
  @IsNotEmpty({ message: 'non può essere vuoto' })
  PDND_AUDIENCE?: string;

  @ValidateIf((c: GatewayConfig) => c.PDND_AUDIENCE !== undefined && c.PDND_JWKS_URL === undefined)
  @IsString({ message: 'obbligatorio con PDND_AUDIENCE se manca PDND_JWKS_URL: file JWKS delle chiavi PDND' })
  PDND_JWKS_FILE?: string;

  @IsOptional()
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['http', 'https'] },
    { message: 'URL http(s) delle chiavi pubbliche PDND (JWKS)' },
  )
  PDND_JWKS_URL?: string;

  @IsOptional()
  @IsString()
  PDND_ISSUER?: string;

  /** Token requests accepted per client address in each window (demo token endpoint). */
  @IsInt()
  @Min(1)
  @Max(10_000)
  TOKEN_RATE_LIMIT: number = 10;

  @IsInt()
  @Min(1)
  @Max(3600)
  TOKEN_RATE_WINDOW_SECONDS: number = 60;

  /** Requests per client address in each window on the public routes (e.g. the public register). */
  @IsInt()
  @Min(1)
  @Max(100_000)
  PUBBLICO_RATE_LIMIT: number = 120;

  @IsInt()
  @Min(1)
  @Max(3600)
  PUBBLICO_RATE_WINDOW_SECONDS: number = 60;

  /**
   * `Strict-Transport-Security` max-age; 0 sends none. Set it when the gateway is reached only through
   * TLS (a proxy or ingress that terminates HTTPS and passes the header on).
   */
  @IsInt()
  @Min(0)
  @Max(63_072_000)
  HSTS_MAX_AGE_SECONDS: number = 0;

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
 * Reads the gateway's configuration. `AUTH_MODE` has no default. With `AUTH_MODE=demo` an unset
 * `HTTP_HOST` means 127.0.0.1 (the only kind of address demo mode accepts) instead of 0.0.0.0.
 */
export function loadGatewayConfig(env: Record<string, string | undefined> = process.env): GatewayConfig {
  const demoHost = env.AUTH_MODE === 'demo' && !env.HTTP_HOST ? { HTTP_HOST: '127.0.0.1' } : {};
  return loadConfig(GatewayConfig, { ...env, ...demoHost });
}
