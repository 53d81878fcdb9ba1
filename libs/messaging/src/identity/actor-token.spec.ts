import { generateKeyPairSync } from 'node:crypto';
import { SignJWT, decodeJwt, decodeProtectedHeader } from 'jose';
import { attorePubblico, attoreServizio, type Actor } from '@ambito/contracts';
import { ActorSigner, ActorVerifier, IdentityRefused, type SignedRequest } from './actor-token';
import { parseSigningKey, parseTrustedKeys, publicJwkOf, type SigningKey } from './identity-keys';
import { ReplayCache } from './replay-cache';

const actor: Actor = {
  userId: 'operatore.crema',
  nome: 'Nicolò Bianchi',
  ruoli: ['operatore-accesso'],
  ambito: 'CREMA',
  subAmbiti: ['SA-CREMA'],
  comuni: [],
};

function newKey(kid?: string): SigningKey {
  const jwk = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' });
  return parseSigningKey(JSON.stringify({ ...jwk, ...(kid ? { kid } : {}) }), 'gateway');
}

const trustedOf = (...keys: SigningKey[]) =>
  parseTrustedKeys(JSON.stringify({ gateway: { keys: keys.map(publicJwkOf) } }));

const request = (overrides: Partial<SignedRequest> = {}): SignedRequest => ({
  subject: 'accesso.accesso.elenca',
  correlationId: 'corr-1',
  body: new TextEncoder().encode('{"pagina":1}'),
  ...overrides,
});

/** The failure a token is refused with (fails when it is accepted). */
async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof IdentityRefused) return `${error.code}/${error.failure}`;
    throw error;
  }
  throw new Error('il token doveva essere rifiutato');
}

describe('signed actor (Ambito-Actor JWS)', () => {
  const key = newKey();
  const signer = new ActorSigner(key, { ambito: 'CREMA' });
  const verifier = () => new ActorVerifier(trustedOf(key), { ambito: 'CREMA' });

  it('round-trips the actor, as a compact EdDSA JWS bound to the subject, correlation and body', async () => {
    const token = await signer.sign(actor, request());
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'EdDSA', typ: 'ambito-actor+jwt', kid: key.kid });
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({
      iss: 'gateway',
      sub: 'operatore.crema',
      aud: 'accesso.accesso.elenca',
      ambito: 'CREMA',
      correlationId: 'corr-1',
      actor,
    });
    expect(claims.exp! - claims.iat!).toBe(30);
    expect(claims.jti).toMatch(/^[0-9a-f-]{36}$/);
    expect(await verifier().verify(token, request())).toEqual(actor);
  });

  it('refuses a missing token as NON_AUTENTICATO, and the unsigned base64 JSON of before as malformed', async () => {
    expect(await refusal(verifier().verify(undefined, request()))).toBe('NON_AUTENTICATO/assente');
    const unsigned = Buffer.from(
      JSON.stringify({ ...actor, subAmbiti: ['SA-CREMA', 'SA-SONCINO'] }),
    ).toString('base64url');
    expect(await refusal(verifier().verify(unsigned, request()))).toBe('IDENTITA_NON_VALIDA/malformata');
    expect(await refusal(verifier().verify('a.b.c', request()))).toBe('IDENTITA_NON_VALIDA/malformata');
  });

  it('refuses another key: unknown kid, or a known kid with another key’s signature', async () => {
    const other = newKey();
    const token = await new ActorSigner(other, { ambito: 'CREMA' }).sign(actor, request());
    expect(await refusal(verifier().verify(token, request()))).toBe('IDENTITA_NON_VALIDA/chiave-sconosciuta');
    const impostor = { ...newKey(), kid: key.kid };
    const forged = await new ActorSigner(impostor, { ambito: 'CREMA' }).sign(actor, request());
    expect(await refusal(verifier().verify(forged, request()))).toBe('IDENTITA_NON_VALIDA/firma-non-valida');
  });

  it('refuses an issuer it does not trust, even with a trusted key', async () => {
    const misure = { ...key, issuer: 'misure' };
    const token = await new ActorSigner(misure, { ambito: 'CREMA' }).sign(actor, request());
    expect(await refusal(verifier().verify(token, request()))).toBe('IDENTITA_NON_VALIDA/chiave-sconosciuta');
  });

  it('refuses an expired token, and one living longer than services accept', async () => {
    const past = new ActorSigner(key, { ambito: 'CREMA', now: () => Date.now() - 60_000 });
    expect(await refusal(verifier().verify(await past.sign(actor, request()), request()))).toBe(
      'IDENTITA_NON_VALIDA/scaduta',
    );
    const long = new ActorSigner(key, { ambito: 'CREMA', ttlSeconds: 3600 });
    expect(await refusal(verifier().verify(await long.sign(actor, request()), request()))).toBe(
      'IDENTITA_NON_VALIDA/malformata',
    );
  });

  it('refuses a second use of the same token while it is valid', async () => {
    const v = verifier();
    const token = await signer.sign(actor, request());
    await v.verify(token, request());
    expect(await refusal(v.verify(token, request()))).toBe('IDENTITA_NON_VALIDA/riusata');
  });

  it('refuses a token copied onto another subject, correlation or body', async () => {
    const token = await signer.sign(actor, request());
    expect(await refusal(verifier().verify(token, request({ subject: 'accesso.persona.leggi' })))).toBe(
      'IDENTITA_NON_VALIDA/altro-soggetto',
    );
    expect(await refusal(verifier().verify(token, request({ correlationId: 'corr-2' })))).toBe(
      'IDENTITA_NON_VALIDA/altra-richiesta',
    );
    const body = new TextEncoder().encode('{"pagina":2}');
    expect(await refusal(verifier().verify(token, request({ body })))).toBe(
      'IDENTITA_NON_VALIDA/altra-richiesta',
    );
  });

  it('refuses a token of another ambito, or an actor of another ambito', async () => {
    const oglioPo = new ActorSigner(key, { ambito: 'OGLIO-PO' });
    expect(await refusal(verifier().verify(await oglioPo.sign(actor, request()), request()))).toBe(
      'IDENTITA_NON_VALIDA/altro-ambito',
    );
    const straniero = await signer.sign({ ...actor, ambito: 'OGLIO-PO' }, request());
    expect(await refusal(verifier().verify(straniero, request()))).toBe('IDENTITA_NON_VALIDA/altro-ambito');
  });

  it('refuses a signed token whose actor has an unknown role, another type or no jti', async () => {
    const superuser = await signer.sign({ ...actor, ruoli: ['superuser' as never] }, request());
    expect(await refusal(verifier().verify(superuser, request()))).toBe('IDENTITA_NON_VALIDA/malformata');
    const now = Math.floor(Date.now() / 1000);
    const base = () =>
      new SignJWT({ ambito: 'CREMA', actor, correlationId: 'corr-1' })
        .setIssuer('gateway')
        .setSubject(actor.userId)
        .setAudience('accesso.accesso.elenca')
        .setIssuedAt(now)
        .setExpirationTime(now + 30);
    const userToken = await base()
      .setJti('x')
      .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT', kid: key.kid })
      .sign(key.key);
    expect(await refusal(verifier().verify(userToken, request()))).toBe('IDENTITA_NON_VALIDA/malformata');
    const senzaJti = await base()
      .setProtectedHeader({ alg: 'EdDSA', typ: 'ambito-actor+jwt', kid: key.kid })
      .sign(key.key);
    expect(await refusal(verifier().verify(senzaJti, request()))).toBe('IDENTITA_NON_VALIDA/malformata');
  });

  it('accepts the anonymous actor of a public route from the gateway, alone and never mixed with a role', async () => {
    const anonimo = attorePubblico('CREMA');
    expect(await verifier().verify(await signer.sign(anonimo, request()), request())).toEqual(anonimo);
    const misto = await signer.sign({ ...actor, ruoli: ['operatore-accesso', 'pubblico'] }, request());
    expect(await refusal(verifier().verify(misto, request()))).toBe('IDENTITA_NON_VALIDA/malformata');
  });

  it('accepts every trusted key of the issuer, so keys rotate without downtime', async () => {
    const nuova = newKey('gateway-2027');
    const both = new ActorVerifier(trustedOf(key, nuova), { ambito: 'CREMA' });
    for (const k of [key, nuova]) {
      const token = await new ActorSigner(k, { ambito: 'CREMA' }).sign(actor, request());
      expect(await both.verify(token, request())).toEqual(actor);
    }
  });
});

describe('service identity (a service signs its own actor with its own key)', () => {
  const gatewayKey = newKey();
  const serviceKey = parseSigningKey(
    JSON.stringify(generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' })),
    'presa-in-carico',
  );
  const verifier = () =>
    new ActorVerifier(
      parseTrustedKeys(
        JSON.stringify({
          gateway: { keys: [publicJwkOf(gatewayKey)] },
          'presa-in-carico': { keys: [publicJwkOf(serviceKey)] },
        }),
      ),
      { ambito: 'CREMA' },
    );
  const servizio = attoreServizio('presa-in-carico', 'CREMA');
  const firma = (key: SigningKey, a: Actor) => new ActorSigner(key, { ambito: 'CREMA' }).sign(a, request());

  it('accepts the service’s own actor signed with its key, issuer = the service', async () => {
    expect(servizio).toEqual({
      userId: 'servizio:presa-in-carico',
      nome: 'Servizio presa-in-carico',
      ruoli: ['servizio-presa-in-carico'],
      ambito: 'CREMA',
      subAmbiti: [],
      comuni: [],
    });
    expect(await verifier().verify(await firma(serviceKey, servizio), request())).toEqual(servizio);
    expect(decodeJwt(await firma(serviceKey, servizio)).iss).toBe('presa-in-carico');
  });

  it('refuses a service key signing for a user, or for a wider actor than its own', async () => {
    expect(await refusal(verifier().verify(await firma(serviceKey, actor), request()))).toBe(
      'IDENTITA_NON_VALIDA/attore-non-ammesso',
    );
    for (const wider of [
      { ...servizio, subAmbiti: ['SA-CREMA'] },
      { ...servizio, comuni: ['019035'] },
      { ...servizio, ruoli: [...servizio.ruoli, 'amministratore' as const] },
      { ...servizio, userId: 'servizio:budget' },
    ])
      expect(await refusal(verifier().verify(await firma(serviceKey, wider), request()))).toBe(
        'IDENTITA_NON_VALIDA/attore-non-ammesso',
      );
  });

  it('refuses the gateway signing for a service, and an issuer without a service role', async () => {
    expect(await refusal(verifier().verify(await firma(gatewayKey, servizio), request()))).toBe(
      'IDENTITA_NON_VALIDA/attore-non-ammesso',
    );
    const budgetKey = { ...serviceKey, issuer: 'budget' };
    const trusted = parseTrustedKeys(JSON.stringify({ budget: { keys: [publicJwkOf(serviceKey)] } }));
    const budget = attoreServizio('budget', 'CREMA');
    expect(
      await refusal(
        new ActorVerifier(trusted, { ambito: 'CREMA' }).verify(await firma(budgetKey, budget), request()),
      ),
    ).toBe('IDENTITA_NON_VALIDA/malformata'); // servizio-budget is no role of the platform
  });

  it('refuses a forged service identity: a key not trusted under that issuer', async () => {
    const forged = parseSigningKey(
      JSON.stringify(generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' })),
      'presa-in-carico',
    );
    expect(await refusal(verifier().verify(await firma(forged, servizio), request()))).toBe(
      'IDENTITA_NON_VALIDA/chiave-sconosciuta',
    );
    const sameKid = { ...forged, kid: serviceKey.kid };
    expect(await refusal(verifier().verify(await firma(sameKid, servizio), request()))).toBe(
      'IDENTITA_NON_VALIDA/firma-non-valida',
    );
  });
});

describe('identity keys', () => {
  it('refuses what is not an Ed25519 JWK, a private key among the trusted ones, an empty set', () => {
    expect(() => parseSigningKey('non json', 'gateway')).toThrow(/JSON non valido/);
    expect(() => parseSigningKey('{"kty":"RSA","n":"x","e":"AQAB"}', 'gateway')).toThrow(/JWK Ed25519/);
    const key = newKey();
    const pub = publicJwkOf(key);
    expect(() => parseSigningKey(JSON.stringify(pub), 'gateway')).toThrow(/non è privata/);
    const priv = key.key.export({ format: 'jwk' });
    expect(() => parseTrustedKeys(JSON.stringify({ gateway: { keys: [priv] } }))).toThrow(/è privata/);
    expect(() => parseTrustedKeys('{}')).toThrow(/oggetto JSON/);
    expect(() => parseTrustedKeys(JSON.stringify({ gateway: { keys: [] } }))).toThrow(/"keys"/);
    expect(() => parseTrustedKeys(JSON.stringify({ gateway: { keys: [pub, pub] } }))).toThrow(/ripetuto/);
    expect(() => parseTrustedKeys(JSON.stringify({ 'Non Valido': { keys: [pub] } }))).toThrow(/emittente/);
  });

  it('names a key without kid by its RFC 7638 thumbprint, the same on both halves', () => {
    const key = newKey();
    expect(key.kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const { kid: _, ...senzaKid } = publicJwkOf(key);
    const trusted = parseTrustedKeys(JSON.stringify({ gateway: { keys: [senzaKid] } }));
    expect([...trusted.get('gateway')!.keys()]).toEqual([key.kid]);
  });
});

describe('replay cache', () => {
  it('refuses an id seen before its expiry and forgets it afterwards', () => {
    let now = 1_000_000;
    const cache = new ReplayCache(() => now);
    expect(cache.remember('a', now + 30_000)).toBe(true);
    expect(cache.remember('a', now + 30_000)).toBe(false);
    expect(cache.remember('b', now + 60_000)).toBe(true);
    now += 31_000;
    expect(cache.remember('c', now + 30_000)).toBe(true);
    expect(cache.size).toBe(2); // a expired and was dropped
    expect(cache.remember('b', now + 30_000)).toBe(false);
  });
});
