import { createHash, randomUUID } from 'node:crypto';
import {
  SignJWT,
  decodeJwt,
  decodeProtectedHeader,
  errors as joseErrors,
  jwtVerify,
  type JWTPayload,
} from 'jose';
import {
  DomainError,
  RUOLI,
  RUOLO_PUBBLICO,
  attoreServizio,
  isRuoloClient,
  isRuoloServizio,
  ruoloServizio,
  utenteServizio,
  type Actor,
} from '@ambito/contracts';
import type { SigningKey, TrustedKeys } from './identity-keys';
import { ReplayCache } from './replay-cache';

/*
 * The actor of a NATS request travels in `Ambito-Actor` as a compact JWS (RFC 7515) that the sender
 * signs with its Ed25519 key for that one request:
 *
 *   header  { alg: "EdDSA", typ: "ambito-actor+jwt", kid }
 *   claims  { iss: "gateway", sub: actor.userId, aud: <NATS subject>, ambito, actor,
 *             correlationId, bodySha256, iat, exp, jti }
 *
 * `aud`, `correlationId` and `bodySha256` bind it to this request: copied onto another subject,
 * another conversation or another body it is refused; `exp` keeps it short-lived and `jti` lets the
 * service refuse a second use while it is still valid.
 *
 * The issuer decides whom the token may name: the gateway signs for users (never a service role); a
 * service (issuer = its name, key SERVICE_SIGNING_KEY) signs only for itself, the actor of
 * `attoreServizio` — its own role, no sub-ambito, no comune. A service's key cannot impersonate a user,
 * the gateway's cannot impersonate a service.
 */

export const ACTOR_TOKEN_TYPE = 'ambito-actor+jwt';
const ALGORITHM = 'EdDSA';
/** Default lifetime: a request is answered (or times out) well within it. */
export const ACTOR_TOKEN_TTL_SECONDS = 30;
/** Services refuse tokens that live longer, whatever their signer says: it bounds the replay cache. */
export const ACTOR_TOKEN_MAX_TTL_SECONDS = 300;
/** Clock difference tolerated between signer and service. */
const CLOCK_TOLERANCE_SECONDS = 5;

/** What the token is bound to: one request. */
export interface SignedRequest {
  subject: string;
  correlationId: string;
  body: Uint8Array;
}

export interface ActorSignerOptions {
  /** The ambito the signer works for (AMBITO_CODICE): services of another ambito refuse the token. */
  ambito: string;
  ttlSeconds?: number;
  /** Clock, epoch ms (tests sign in the past). */
  now?: () => number;
}

/** Signs the actor of each outgoing request (the gateway; the test harnesses with a test key). */
export class ActorSigner {
  private readonly ttlSeconds: number;
  private readonly now: () => number;

  constructor(
    private readonly signing: SigningKey,
    private readonly options: ActorSignerOptions,
  ) {
    this.ttlSeconds = options.ttlSeconds ?? ACTOR_TOKEN_TTL_SECONDS;
    this.now = options.now ?? Date.now;
  }

  sign(actor: Actor, request: SignedRequest): Promise<string> {
    const iat = Math.floor(this.now() / 1000);
    return new SignJWT({
      ambito: this.options.ambito,
      actor,
      correlationId: request.correlationId,
      bodySha256: sha256(request.body),
    })
      .setProtectedHeader({ alg: ALGORITHM, typ: ACTOR_TOKEN_TYPE, kid: this.signing.kid })
      .setIssuer(this.signing.issuer)
      .setSubject(actor.userId)
      .setAudience(request.subject)
      .setIssuedAt(iat)
      .setExpirationTime(iat + this.ttlSeconds)
      .setJti(randomUUID())
      .sign(this.signing.key);
  }
}

/** Why a token was refused: for the log and the tests, never sent back to the caller as such. */
export type IdentityFailure =
  | 'assente'
  | 'malformata'
  | 'chiave-sconosciuta'
  | 'firma-non-valida'
  | 'scaduta'
  | 'riusata'
  | 'altro-soggetto'
  | 'altra-richiesta'
  | 'altro-ambito'
  | 'attore-non-ammesso';

const MESSAGES: Record<IdentityFailure, string> = {
  assente: 'Richiesta priva di un utente autenticato.',
  malformata: 'Identità dell’utente non valida: non è un’identità firmata.',
  'chiave-sconosciuta': 'Identità dell’utente non valida: firmata con una chiave non riconosciuta.',
  'firma-non-valida': 'Identità dell’utente non valida: la firma non corrisponde.',
  scaduta: 'Identità dell’utente scaduta: ripetere la richiesta.',
  riusata: 'Identità dell’utente già usata per un’altra richiesta.',
  'altro-soggetto': 'Identità dell’utente rilasciata per un’altra operazione.',
  'altra-richiesta': 'Identità dell’utente rilasciata per un’altra richiesta.',
  'altro-ambito': 'Identità dell’utente rilasciata per un altro Ambito.',
  'attore-non-ammesso': 'Identità non valida: chi l’ha firmata non può agire per questo utente o servizio.',
};

/** A refused actor: `NON_AUTENTICATO` when absent, `IDENTITA_NON_VALIDA` otherwise. */
export class IdentityRefused extends DomainError {
  constructor(
    readonly failure: IdentityFailure,
    /** Issuer and kid the token claimed, for the log (not trusted). */
    readonly claimed: { issuer?: string; kid?: string } = {},
  ) {
    super(failure === 'assente' ? 'NON_AUTENTICATO' : 'IDENTITA_NON_VALIDA', MESSAGES[failure]);
  }
}

export interface ActorVerifierOptions {
  /** The service's ambito (AMBITO_CODICE). */
  ambito: string;
  now?: () => number;
}

/** Verifies the actor of each incoming request against the trusted keys (services). */
export class ActorVerifier {
  private readonly replays: ReplayCache;
  private readonly now: () => number;

  constructor(
    private readonly trusted: TrustedKeys,
    private readonly options: ActorVerifierOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.replays = new ReplayCache(this.now);
  }

  /** The verified actor; throws IdentityRefused. */
  async verify(token: string | undefined, request: SignedRequest): Promise<Actor> {
    if (!token) throw new IdentityRefused('assente');
    let issuer: string | undefined;
    let kid: string | undefined;
    try {
      kid = decodeProtectedHeader(token).kid;
      issuer = decodeJwt(token).iss;
    } catch {
      throw new IdentityRefused('malformata');
    }
    const claimed = { issuer, kid };
    const key = issuer !== undefined && kid !== undefined ? this.trusted.get(issuer)?.get(kid) : undefined;
    if (!key) throw new IdentityRefused('chiave-sconosciuta', claimed);

    let claims: JWTPayload;
    try {
      ({ payload: claims } = await jwtVerify(token, key, {
        algorithms: [ALGORITHM],
        typ: ACTOR_TOKEN_TYPE,
        issuer,
        audience: request.subject,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        maxTokenAge: ACTOR_TOKEN_MAX_TTL_SECONDS,
        requiredClaims: ['sub', 'iat', 'exp', 'jti'],
        currentDate: new Date(this.now()),
      }));
    } catch (error) {
      throw new IdentityRefused(failureOf(error), claimed);
    }

    const exp = claims.exp!;
    if (exp - claims.iat! > ACTOR_TOKEN_MAX_TTL_SECONDS) throw new IdentityRefused('malformata', claimed);
    const actor = claims.actor;
    if (!isActor(actor) || actor.userId !== claims.sub) throw new IdentityRefused('malformata', claimed);
    if (claims.ambito !== this.options.ambito || actor.ambito !== this.options.ambito) {
      throw new IdentityRefused('altro-ambito', claimed);
    }
    if (!mayActFor(issuer!, actor)) throw new IdentityRefused('attore-non-ammesso', claimed);
    if (claims.correlationId !== request.correlationId || claims.bodySha256 !== sha256(request.body)) {
      throw new IdentityRefused('altra-richiesta', claimed);
    }
    // Last, so that only a token valid in every other respect takes a place in the cache.
    const expiresAtMs = (exp + CLOCK_TOLERANCE_SECONDS) * 1000;
    if (!this.replays.remember(`${issuer}:${claims.jti}`, expiresAtMs)) {
      throw new IdentityRefused('riusata', claimed);
    }
    return actor;
  }
}

/** The issuer named in GATEWAY_SIGNING_KEY's tokens (identity-config.ts). */
const GATEWAY = 'gateway';

/** Users for the gateway, itself for a service: see the comment at the top. */
function mayActFor(issuer: string, actor: Actor): boolean {
  const serviceLike = actor.userId.startsWith(utenteServizio('')) || actor.ruoli.some(isRuoloServizio);
  if (issuer === GATEWAY) return !serviceLike;
  if (!isRuoloServizio(ruoloServizio(issuer))) return false;
  const own = attoreServizio(issuer, actor.ambito);
  return (
    actor.userId === own.userId &&
    actor.ruoli.length === 1 &&
    actor.ruoli[0] === own.ruoli[0] &&
    actor.subAmbiti.length === 0 &&
    actor.comuni.length === 0
  );
}

function failureOf(error: unknown): IdentityFailure {
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'firma-non-valida';
  // `exp` passed, or `iat` older than the longest lifetime a service accepts
  if (error instanceof joseErrors.JWTExpired) return 'scaduta';
  if (error instanceof joseErrors.JWTClaimValidationFailed && error.claim === 'aud') return 'altro-soggetto';
  return 'malformata';
}

function sha256(body: Uint8Array): string {
  return createHash('sha256').update(body).digest('base64url');
}

/** The shape of an actor, with roles the platform knows. */
export function isActor(value: unknown): value is Actor {
  if (typeof value !== 'object' || value === null) return false;
  const a = value as Partial<Record<keyof Actor, unknown>>;
  const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
  return (
    typeof a.userId === 'string' &&
    a.userId !== '' &&
    typeof a.nome === 'string' &&
    typeof a.ambito === 'string' &&
    strings(a.ruoli) &&
    a.ruoli.every(
      (r) =>
        (RUOLI as readonly string[]).includes(r) ||
        isRuoloServizio(r) ||
        isRuoloClient(r) ||
        r === RUOLO_PUBBLICO,
    ) &&
    // The anonymous visitor of a public route is nobody else as well.
    (!a.ruoli.includes(RUOLO_PUBBLICO) || a.ruoli.length === 1) &&
    strings(a.subAmbiti) &&
    strings(a.comuni)
  );
}
