import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { kustomize } from './kustomize';
import { radice } from './radice';
import { problemiInsieme, type Ambiente } from './regole';
import { problemiSchema } from './schemi';

/**
 * `npm run -s k8s:verifica [-- <overlay>…]`: every overlay (docker/k8s/ambiti/<ambito>/{demo,production})
 * through `kubectl kustomize`, its output against the Kubernetes schemas and the platform's rules.
 */
export const ROOT = radice();
export const AMBITI = path.join(ROOT, 'docker/k8s/ambiti');

export function overlays(): string[] {
  if (!existsSync(AMBITI)) return [];
  return readdirSync(AMBITI)
    .sort()
    .flatMap((a) => ['demo', 'production'].map((o) => path.join(AMBITI, a, o)))
    .filter((dir) => existsSync(path.join(dir, 'kustomization.yaml')));
}

export async function verificaOverlay(dir: string): Promise<{ documenti: number; problemi: string[] }> {
  const ambiente: Ambiente = path.basename(dir) === 'production' ? 'production' : 'demo';
  const documenti = kustomize(dir);
  const problemi = [...problemiSchema(documenti), ...problemiInsieme(documenti, ambiente)];
  return { documenti: documenti.length, problemi };
}

export async function verifica(dirs: string[]): Promise<boolean> {
  let ok = dirs.length > 0;
  if (!ok) console.error('nessun overlay da verificare in docker/k8s/ambiti');
  for (const dir of dirs) {
    const nome = path.relative(ROOT, path.resolve(dir));
    try {
      const { documenti, problemi } = await verificaOverlay(dir);
      if (problemi.length === 0) console.log(`ok   ${nome}: ${documenti} oggetti validi`);
      else {
        ok = false;
        console.error(`NO   ${nome}:\n  - ${problemi.join('\n  - ')}`);
      }
    } catch (error) {
      ok = false;
      console.error(`NO   ${nome}: ${(error as Error).message}`);
    }
  }
  return ok;
}

if (require.main === module) {
  const dirs = process.argv.slice(2);
  verifica(dirs.length ? dirs : overlays())
    .then((ok) => process.exit(ok ? 0 : 1))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
