import { SignJWT, decodeJwt } from 'jose';
import type { DomainError } from '@ambito/contracts';
import { DEMO_USERS } from './demo-users';
import { LOCAL_ISSUER, LocalTokenService } from './local-token.service';

const SECRET = 'segreto-di-prova-lungo-almeno-32-caratteri';
const service = new LocalTokenService({ secret: SECRET, ttlSeconds: 600, ambito: 'CREMA' });
const operatore = DEMO_USERS.find((u) => u.username === 'operatore.crema')!;
const responsabile = DEMO_USERS.find((u) => u.username === 'responsabile.pandino')!;

async function refusal(token: string): Promise<DomainError> {
  return service.verify(token).then(
    () => {
      throw new Error('token accepted');
    },
    (error: DomainError) => error,
  );
}

function signed(claims: Record<string, unknown>) {
  return new SignJWT({ name: 'X', ruoli: ['amministratore'], ambito: 'CREMA', ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('x')
    .setIssuer(LOCAL_ISSUER);
}

describe('local token issuer', () => {
  it('issues a token that verifies back to the demo user', async () => {
    const issued = await service.issue(responsabile);
    expect(issued).toMatchObject({ token_type: 'Bearer', expires_in: 600 });
    expect(decodeJwt(issued.access_token)).toMatchObject({
      iss: 'ambito-local',
      sub: 'responsabile.pandino',
    });
    await expect(service.verify(issued.access_token)).resolves.toEqual({
      userId: 'responsabile.pandino',
      nome: responsabile.name,
      ruoli: ['responsabile-comune'],
      ambito: 'CREMA',
      subAmbiti: [],
      comuni: ['019067'],
    });
  });

  it('refuses an expired token', async () => {
    const expired = await signed({})
      .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
      .sign(new TextEncoder().encode(SECRET));
    const error = await refusal(expired);
    expect(error.code).toBe('NON_AUTENTICATO');
    expect(error.message).toMatch(/scaduto/);
  });

  it('refuses a token signed with another secret', async () => {
    const forged = await signed({})
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(`${SECRET}-altro`));
    expect((await refusal(forged)).code).toBe('NON_AUTENTICATO');
  });

  it('refuses a token without expiry, of another issuer, unsigned or malformed', async () => {
    const key = new TextEncoder().encode(SECRET);
    const noExp = await signed({}).sign(key);
    const otherIssuer = await signed({}).setIssuer('altro').setExpirationTime('1h').sign(key);
    const [header, payload] = (await service.issue(operatore)).access_token.split('.');
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url')}.${payload}.`;
    for (const token of [noExp, otherIssuer, unsigned, `${header}.${payload}`, 'non-un-token']) {
      expect((await refusal(token)).code).toBe('NON_AUTENTICATO');
    }
  });

  it('refuses a token issued for another ambito', async () => {
    const other = new LocalTokenService({ secret: SECRET, ttlSeconds: 600, ambito: 'OGLIO-PO' });
    const token = (await other.issue(operatore)).access_token;
    expect((await refusal(token)).message).toMatch(/altro Ambito/);
  });
});
