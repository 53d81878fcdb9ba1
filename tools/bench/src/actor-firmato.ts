import { createHash, randomUUID, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import type { Actor } from '@ambito/contracts';

/**
 * The actor signed as the gateway signs it (the format of libs/messaging/src/identity/actor-token.ts,
 * which a tool may not import): EdDSA, bound to the subject, the correlation id and the body.
 */
export function signActor(
  key: KeyObject,
  actor: Actor,
  subject: string,
  correlationId: string,
  body: string,
) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    ambito: actor.ambito,
    actor,
    correlationId,
    bodySha256: createHash('sha256').update(body).digest('base64url'),
  })
    .setProtectedHeader({ alg: 'EdDSA', typ: 'ambito-actor+jwt', kid: 'bench' })
    .setIssuer('gateway')
    .setSubject(actor.userId)
    .setAudience(subject)
    .setIssuedAt(now)
    .setExpirationTime(now + 30)
    .setJti(randomUUID())
    .sign(key);
}
