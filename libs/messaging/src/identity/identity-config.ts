import { readFileSync } from 'node:fs';
import { ValidateBy } from 'class-validator';
import { ActorSigner, type ActorSignerOptions } from './actor-token';
import {
  KeyConfigurationError,
  parseSigningKey,
  parseTrustedKeys,
  type SigningKey,
  type TrustedKeys,
} from './identity-keys';

/*
 * The identity variables of the environment. Each key is given inline or as a file (`*_FILE`, e.g. a
 * mounted secret), never both:
 *   GATEWAY_SIGNING_KEY / _FILE   the gateway's private Ed25519 JWK
 *   ACTOR_TRUSTED_KEYS / _FILE    a service's trusted public keys, { "<issuer>": { "keys": [JWK] } }
 *   SERVICE_SIGNING_KEY / _FILE   a service's own private Ed25519 JWK (issuer = the service name), to
 *                                 call another service's declared request with its own identity
 *                                 (`chiamata()` in the contracts, ServiceCaller)
 *   ACTOR_TOKEN_TTL_SECONDS       lifetime of each signed actor (gateway; default 30)
 */

export const GATEWAY_ISSUER = 'gateway';

export interface IdentityEnv {
  GATEWAY_SIGNING_KEY?: string;
  GATEWAY_SIGNING_KEY_FILE?: string;
  ACTOR_TRUSTED_KEYS?: string;
  ACTOR_TRUSTED_KEYS_FILE?: string;
  SERVICE_SIGNING_KEY?: string;
  SERVICE_SIGNING_KEY_FILE?: string;
  ACTOR_TOKEN_TTL_SECONDS?: number;
}

/** What MessagingModule needs: the keys, parsed. */
export interface IdentityKeys {
  /** The services: who may sign the actor of the requests they serve. */
  trusted?: TrustedKeys;
  /** The gateway: the key it signs the actor with. */
  signing?: SigningKey;
  /** A service that calls others with its own identity: its own key (issuer = the service). */
  service?: SigningKey;
  ttlSeconds?: number;
}

type SecretName = 'GATEWAY_SIGNING_KEY' | 'ACTOR_TRUSTED_KEYS' | 'SERVICE_SIGNING_KEY';

/** The value of `name`, or the content of the file `name_FILE`; undefined when neither is set. */
export function secretOf(env: IdentityEnv, name: SecretName): string | undefined {
  const inline = env[name];
  const file = env[`${name}_FILE`];
  if (inline && file) throw new KeyConfigurationError(`${name} e ${name}_FILE insieme: indicarne uno`);
  if (inline) return inline;
  if (!file) return undefined;
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    throw new KeyConfigurationError(`${name}_FILE: file ${file} non leggibile`);
  }
}

/**
 * The keys of a validated configuration (see the decorators below); `service` names the issuer of
 * SERVICE_SIGNING_KEY (the service's own name).
 */
export function identityKeysFrom(env: IdentityEnv, service?: string): IdentityKeys {
  const signing = secretOf(env, 'GATEWAY_SIGNING_KEY');
  const trusted = secretOf(env, 'ACTOR_TRUSTED_KEYS');
  const own = service ? secretOf(env, 'SERVICE_SIGNING_KEY') : undefined;
  return {
    signing: signing ? parseSigningKey(signing, GATEWAY_ISSUER) : undefined,
    trusted: trusted ? parseTrustedKeys(trusted) : undefined,
    service: own && service ? parseSigningKey(own, service) : undefined,
    ttlSeconds: env.ACTOR_TOKEN_TTL_SECONDS,
  };
}

/** A signer like the gateway's, from the identity variables (the test harnesses). */
export function gatewaySignerFrom(env: IdentityEnv, options: ActorSignerOptions): ActorSigner {
  const { signing } = identityKeysFrom(env);
  if (!signing) throw new KeyConfigurationError('GATEWAY_SIGNING_KEY mancante');
  return new ActorSigner(signing, options);
}

function problem(name: SecretName, env: IdentityEnv, parse: (value: string) => unknown): string | null {
  try {
    const value = secretOf(env, name);
    if (!value) return `obbligatorio (oppure ${name}_FILE): ${WHAT[name]}`;
    parse(value);
    return null;
  } catch (error) {
    if (error instanceof KeyConfigurationError) return error.message;
    throw error;
  }
}

const WHAT: Record<SecretName, string> = {
  GATEWAY_SIGNING_KEY: 'la chiave privata Ed25519 (JWK) con cui il gateway firma chi agisce',
  ACTOR_TRUSTED_KEYS:
    'le chiavi pubbliche fidate per emittente, { "gateway": { "keys": [ <JWK Ed25519 pubblica> ] } }',
  SERVICE_SIGNING_KEY:
    'la chiave privata Ed25519 (JWK) con cui il servizio firma la propria identità nelle chiamate dichiarate',
};

function secretConfig(name: SecretName, parse: (value: string) => unknown): PropertyDecorator {
  return ValidateBy({
    name: `identity${name}`,
    validator: {
      validate: (_value: unknown, args) => problem(name, (args?.object ?? {}) as IdentityEnv, parse) === null,
      defaultMessage: (args) => problem(name, (args?.object ?? {}) as IdentityEnv, parse) ?? '',
    },
  });
}

/** On `ACTOR_TRUSTED_KEYS` of a service's config: required (inline or _FILE) and well formed. */
export function TrustedKeysConfig(): PropertyDecorator {
  return secretConfig('ACTOR_TRUSTED_KEYS', parseTrustedKeys);
}

/** On `GATEWAY_SIGNING_KEY` of the gateway's config: required (inline or _FILE) and well formed. */
export function SigningKeyConfig(): PropertyDecorator {
  return secretConfig('GATEWAY_SIGNING_KEY', (value) => parseSigningKey(value, GATEWAY_ISSUER));
}

/**
 * On `SERVICE_SIGNING_KEY` of a service that declares calls to other services (`chiamata()`): required
 * (inline or _FILE) and well formed; the issuer is the service's name.
 */
export function ServiceSigningKeyConfig(service: string): PropertyDecorator {
  return secretConfig('SERVICE_SIGNING_KEY', (value) => parseSigningKey(value, service));
}
