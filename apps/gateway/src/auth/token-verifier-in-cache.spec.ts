import { SignJWT } from 'jose';
import type { Actor } from '@ambito/contracts';
import { DEMO_USERS } from './demo-users';
import { LOCAL_ISSUER, LocalTokenService } from './local-token.service';
import { TokenVerifier } from './token-verifier';
import { TokenVerifierInCache } from './token-verifier-in-cache';

const SECRET = 'segreto-di-prova-lungo-almeno-32-caratteri';
const operatore = DEMO_USERS.find((u) => u.username === 'operatore.crema')!;

/** Counts the verifications that reach the real verifier. */
class Contato extends TokenVerifier {
  chiamate = 0;
  constructor(private readonly vero: TokenVerifier) {
    super();
  }
  verify(token: string): Promise<Actor> {
    this.chiamate++;
    return this.vero.verify(token);
  }
}

function preparazione(durataMassimaMs = 60_000, massimoVoci = 100) {
  const tokens = new LocalTokenService({ secret: SECRET, ttlSeconds: 600, ambito: 'CREMA' });
  const contato = new Contato(tokens);
  let ora = Date.now();
  const cache = new TokenVerifierInCache(contato, { durataMassimaMs, massimoVoci, adesso: () => ora });
  return { tokens, contato, cache, avanza: (ms: number) => (ora += ms) };
}

describe('token verification cached per token', () => {
  it('verifies a token once and answers the same actor, a fresh copy each time', async () => {
    const { tokens, contato, cache } = preparazione();
    const { access_token } = await tokens.issue(operatore);
    const primo = await cache.verify(access_token);
    const secondo = await cache.verify(access_token);
    expect(contato.chiamate).toBe(1);
    expect(secondo).toEqual(primo);
    secondo.ruoli.push('amministratore');
    expect(await cache.verify(access_token)).toEqual(primo);
  });

  it('verifies again after the longest trust', async () => {
    const { tokens, contato, cache, avanza } = preparazione(60_000);
    const { access_token } = await tokens.issue(operatore);
    await cache.verify(access_token);
    avanza(61_000);
    await cache.verify(access_token);
    expect(contato.chiamate).toBe(2);
  });

  it('never trusts a token past its exp', async () => {
    const { contato, cache, avanza } = preparazione(60_000);
    const breve = await new SignJWT({ name: 'X', ruoli: ['amministratore'], ambito: 'CREMA' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setIssuer(LOCAL_ISSUER)
      .setExpirationTime(Math.floor(Date.now() / 1000) + 5)
      .sign(new TextEncoder().encode(SECRET));
    await cache.verify(breve);
    await cache.verify(breve);
    expect(contato.chiamate).toBe(1);
    avanza(10_000);
    // Past its exp (well within the minute) the real verifier is asked again: it decides.
    await cache.verify(breve);
    expect(contato.chiamate).toBe(2);
  });

  it('does not remember a refusal and forgets the oldest token when full', async () => {
    const { tokens, contato, cache } = preparazione(60_000, 2);
    await expect(cache.verify('non.un.token')).rejects.toMatchObject({ code: 'NON_AUTENTICATO' });
    await expect(cache.verify('non.un.token')).rejects.toMatchObject({ code: 'NON_AUTENTICATO' });
    expect(contato.chiamate).toBe(2);
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => tokens.issue(operatore)));
    for (const t of [a, b, c]) await cache.verify(t.access_token);
    expect(contato.chiamate).toBe(5);
    await cache.verify(c.access_token);
    await cache.verify(b.access_token);
    expect(contato.chiamate).toBe(5);
    await cache.verify(a.access_token);
    expect(contato.chiamate).toBe(6);
  });
});
