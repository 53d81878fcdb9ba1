import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type JWK, type KeyLike } from 'jose';
import { Logger } from '@nestjs/common';
import type { DomainError } from '@ambito/contracts';
import { OidcTokenVerifier } from './oidc-token.verifier';

const ISSUER = 'https://idp.regione.example/realms/ambito';
const AUDIENCE = 'ambito-gateway';

/** A fake of the regional IdP at its real protocol: its public keys served as a JWKS over HTTP. */
async function startJwksServer(keys: JWK[]): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    if (request.url !== '/certs') {
      response.statusCode = 404;
      response.end();
      return;
    }
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ keys }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/certs`, server };
}

describe('OIDC token verification (JWKS of a local fake IdP)', () => {
  let privateKey: KeyLike;
  let otherKey: KeyLike;
  let idp: { url: string; server: Server };
  let verifier: OidcTokenVerifier;

  const claims = {
    name: 'Chiara Bassi',
    roles: ['assistente-sociale', 'offline_access'],
    ambito: 'CREMA',
    sub_ambiti: ['SA-CASTELLEONE'],
  };

  function token(key: KeyLike, kid: string, overrides: { iss?: string; aud?: string; exp?: string } = {}) {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid })
      .setSubject('f1e2d3c4')
      .setIssuer(overrides.iss ?? ISSUER)
      .setAudience(overrides.aud ?? AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(overrides.exp ?? '5m')
      .sign(key);
  }

  async function refusal(jwt: string, target = verifier): Promise<DomainError> {
    return target.verify(jwt).then(
      () => {
        throw new Error('token accepted');
      },
      (error: DomainError) => error,
    );
  }

  beforeAll(async () => {
    // The 503 case logs a warning on purpose; keep the test output clean.
    Logger.overrideLogger(false);
    const pair = await generateKeyPair('ES256');
    privateKey = pair.privateKey;
    otherKey = (await generateKeyPair('ES256')).privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'chiave-1', alg: 'ES256', use: 'sig' };
    idp = await startJwksServer([jwk]);
    verifier = new OidcTokenVerifier({
      issuer: ISSUER,
      jwksUrl: idp.url,
      audience: AUDIENCE,
      ambito: 'CREMA',
    });
  });

  afterAll(async () => {
    Logger.overrideLogger(['log', 'error', 'warn', 'debug', 'verbose']);
    await new Promise((resolve) => idp.server.close(resolve));
  });

  it('verifies a token signed by the IdP and maps its claims', async () => {
    await expect(verifier.verify(await token(privateKey, 'chiave-1'))).resolves.toEqual({
      userId: 'f1e2d3c4',
      nome: 'Chiara Bassi',
      ruoli: ['assistente-sociale'],
      ambito: 'CREMA',
      subAmbiti: ['SA-CASTELLEONE'],
      comuni: [],
    });
  });

  it('refuses a token signed by another key, for another audience or issuer, or expired', async () => {
    const cases = [
      await token(otherKey, 'chiave-1'),
      await token(otherKey, 'chiave-sconosciuta'),
      await token(privateKey, 'chiave-1', { aud: 'altra-applicazione' }),
      await token(privateKey, 'chiave-1', { iss: 'https://idp.altro.example' }),
      await token(privateKey, 'chiave-1', { exp: '-2m' }),
    ];
    for (const jwt of cases) expect((await refusal(jwt)).code).toBe('NON_AUTENTICATO');
  });

  it('refuses a token signed with a symmetric algorithm', async () => {
    const hs = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', kid: 'chiave-1' })
      .setSubject('x')
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('un-segreto-qualsiasi-di-32-caratteri!!'));
    expect((await refusal(hs)).code).toBe('NON_AUTENTICATO');
  });

  it('answers 503 when the IdP keys cannot be fetched', async () => {
    const down = new OidcTokenVerifier({
      issuer: ISSUER,
      jwksUrl: 'http://127.0.0.1:1/certs',
      audience: AUDIENCE,
      ambito: 'CREMA',
    });
    expect((await refusal(await token(privateKey, 'chiave-1'), down)).code).toBe('SERVIZIO_NON_DISPONIBILE');
  });
});
