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

/** How the actor travels in the `Ambito-Actor` header (NATS header values are ASCII). */
export const ACTOR_ENCODING = 'JSON dell’Actor (userId, nome, ruoli, ambito, subAmbiti, comuni) in base64url';
