import type { Ruolo } from './ruolo';

/**
 * Who is acting. The gateway builds it from the verified token and every service receives it in the
 * message headers, so that each one can enforce territorial scope again (defence in depth).
 */
export interface Actor {
  /** Stable user id (the token's `sub`). */
  userId: string;
  /** Display name, for audit and diaries. */
  nome: string;
  ruoli: Ruolo[];
  /** Code of the ambito the user works for. */
  ambito: string;
  /** Sub-ambiti in scope (empty for ambito-wide roles). */
  subAmbiti: string[];
  /** ISTAT codes of the comuni in scope, for `responsabile-comune`. */
  comuni: string[];
}

/** How the actor travels in the `Ambito-Actor` header (libs/messaging/src/identity/actor-token.ts). */
export const ACTOR_ENCODING =
  'JWS compatto (EdDSA, typ ambito-actor+jwt) firmato dal gateway per questa sola richiesta: claim actor (userId, nome, ruoli, ambito, subAmbiti, comuni), aud = soggetto NATS, correlationId, bodySha256 (SHA-256 del corpo), ambito, iat, exp (pochi secondi), jti (uso singolo)';

/** The actor the gateway signs for a request on a public route: nobody in particular. */
export function attorePubblico(ambito: string): Actor {
  return { userId: 'pubblico', nome: 'Visitatore', ruoli: ['pubblico'], ambito, subAmbiti: [], comuni: [] };
}

/** The userId of a service acting on its own behalf: `servizio:<service>`. */
export function utenteServizio(servizio: string): string {
  return `servizio:${servizio}`;
}

/**
 * The actor of a service calling another service's declared request with its own identity: its own
 * role only, no sub-ambito or comune (what it may read is narrowed by the declaration it calls, not by
 * territory). Signed with the service's own key, whose issuer is the service name.
 */
export function attoreServizio(servizio: string, ambito: string): Actor {
  return {
    userId: utenteServizio(servizio),
    nome: `Servizio ${servizio}`,
    ruoli: [`servizio-${servizio}` as Ruolo],
    ambito,
    subAmbiti: [],
    comuni: [],
  };
}
