import { RUOLI } from '@ambito/contracts';
import { DemoLoginService } from './demo-login.service';
import { DEMO_USERS } from './demo-users';
import { LocalTokenService } from './local-token.service';

const tokens = new LocalTokenService({
  secret: 'segreto-di-prova-lungo-almeno-32-caratteri',
  ttlSeconds: 600,
  ambito: 'CREMA',
});
const login = new DemoLoginService(tokens);

describe('demo login', () => {
  it('has one demo user per role', () => {
    expect(new Set(DEMO_USERS.flatMap((u) => u.ruoli))).toEqual(new Set(RUOLI));
  });

  it.each(DEMO_USERS.map((u) => u.username))('logs %s in with the demo password', async (username) => {
    const { access_token } = await login.login(username, 'demo');
    await expect(tokens.verify(access_token)).resolves.toMatchObject({ ambito: 'CREMA' });
  });

  it.each([
    ['operatore.crema', 'sbagliata'],
    ['operatore.crema', ''],
    ['sconosciuto', 'demo'],
  ])('refuses %s / %s', async (username, password) => {
    await expect(login.login(username, password)).rejects.toMatchObject({ code: 'NON_AUTENTICATO' });
  });
});
