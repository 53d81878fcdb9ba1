import { spawn } from 'node:child_process';
import path from 'node:path';
import { freePort, generateIdentityKeys, startServiceProcess, testNatsEnv } from '@ambito/testing';
import { JWT_SECRET } from './platform';

const root = path.resolve(__dirname, '../../..');

/** Runs the built gateway with only these variables and returns how it ended (it must end by itself). */
function avvio(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-r', path.join(root, 'tools/runtime/register.js'), path.join(root, 'dist/apps/gateway/src/main.js')],
      { cwd: root, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`il gateway è partito invece di rifiutare l’avvio: ${stderr}`));
    }, 20_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

/** The process as an operator starts it: the built app, its environment, nothing else. */
describe('gateway start: no authentication by default, the demo login only when asked for and local', () => {
  // Everything a gateway needs but the authentication mode: its NATS user and its signing key.
  const base = {
    ...testNatsEnv('gateway'),
    GATEWAY_SIGNING_KEY: generateIdentityKeys().GATEWAY_SIGNING_KEY,
    JWT_LOCAL_SECRET: JWT_SECRET,
    LOG_LEVEL: 'warn',
  };

  it.each<Record<string, string>>([{}, { NODE_ENV: 'development' }, { NODE_ENV: 'test' }])(
    'refuses to start without AUTH_MODE (%o), saying in Italian what to set',
    async (env) => {
      const { code, stderr } = await avvio({ ...base, HTTP_PORT: String(await freePort()), ...env });
      expect(code).toBe(1);
      expect(stderr).toMatch(/Configurazione non valida/);
      expect(stderr).toMatch(
        /AUTH_MODE: obbligatorio, senza valore predefinito: AUTH_MODE=oidc .* AUTH_MODE=demo/,
      );
    },
  );

  it('refuses the demo issuer listening on every interface', async () => {
    const { code, stderr } = await avvio({
      ...base,
      AUTH_MODE: 'demo',
      HTTP_HOST: '0.0.0.0',
      HTTP_PORT: String(await freePort()),
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/AUTH_MODE=demo funziona solo .* loopback.*impostare HTTP_HOST=127\.0\.0\.1/);
  });

  it('refuses the demo issuer in production, even on loopback', async () => {
    const { code, stderr } = await avvio({
      ...base,
      AUTH_MODE: 'demo',
      NODE_ENV: 'production',
      HTTP_HOST: '127.0.0.1',
      HTTP_PORT: String(await freePort()),
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/AUTH_MODE=demo .* non è ammesso con NODE_ENV=production: usare AUTH_MODE=oidc/);
  });

  it('starts in demo mode on loopback, with the demo login rate-limited', async () => {
    const httpPort = await freePort();
    const gateway = await startServiceProcess({
      app: 'gateway',
      httpPort,
      workspaceRoot: root,
      env: { ...base, AUTH_MODE: 'demo', HTTP_HOST: '127.0.0.1', TOKEN_RATE_LIMIT: '2' },
    });
    try {
      const login = () =>
        fetch(`${gateway.baseUrl}/api/v1/auth/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'admin', password: 'demo' }),
        });
      expect((await login()).status).toBe(200);
      expect((await login()).status).toBe(200);
      const limitato = await login();
      expect(limitato.status).toBe(429);
      expect(limitato.headers.get('retry-after')).toMatch(/^\d+$/);
    } finally {
      await gateway.stop();
    }
  });
});
