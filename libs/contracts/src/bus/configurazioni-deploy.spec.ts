import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import {
  FILE_NATS_COMPOSE,
  FILE_NATS_KUBERNETES,
  configurazioneNatsCompose,
  manifestNatsKubernetes,
} from './configurazioni-deploy';
import { permessiNats, variabilePassword } from './permessi-nats';

const ROOT = path.resolve(__dirname, '../../../..');
const compose = configurazioneNatsCompose();
const kubernetes = manifestNatsKubernetes();

describe('nats-server configurations of the deployments', () => {
  it.each([
    [FILE_NATS_COMPOSE, compose],
    [FILE_NATS_KUBERNETES, kubernetes],
  ])('%s is up to date with the declarations (npm run nats:config regenerates it)', (file, testo) => {
    const target = path.join(ROOT, file);
    if (process.env.AGGIORNA_NATS === '1') {
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, testo);
    }
    expect(readFileSync(target, 'utf8')).toBe(testo);
  });

  it('requires TLS, keeps passwords out, and has no test user', () => {
    for (const testo of [compose, kubernetes]) {
      expect(testo).toContain('cert_file: "/etc/nats/tls/tls.crt"');
      expect(testo).not.toContain('collaudo');
      expect(testo).not.toContain('no_auth_user');
    }
    expect(compose).toContain('include "segreti/nats-passwords.conf"');
  });

  it('gives nats-server on Kubernetes each user’s password from the Secret, with the same configuration', () => {
    const [configMap, statefulSet] = kubernetes.split('\n---\n').map((d) => parse(d) as unknown);
    const conf = (configMap as { data: Record<string, string> }).data['nats-server.conf'];
    expect(conf).toContain('authorization {');
    const env = (
      statefulSet as { spec: { template: { spec: { containers: { env: { name: string }[] }[] } } } }
    ).spec.template.spec.containers[0].env.map((e) => e.name);
    expect(env).toEqual(permessiNats().map((u) => variabilePassword(u.utente)));
  });
});
