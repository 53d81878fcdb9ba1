import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { radice } from './radice';
import type { Documento } from './regole';

const TOOL = path.join(radice(), 'tools/k8s');
const SCRIPT = path.join(TOOL, 'valida-schemi.mjs');
export const SCHEMI_INSTALLATI = existsSync(path.join(TOOL, 'validator/node_modules/kubernetes-models'));

/**
 * Each document against its kind's Kubernetes schema (tools/k8s/valida-schemi.mjs, kubernetes-models
 * installed in tools/k8s/validator by tools/setup.sh); a kind the schemas do not know is a problem too.
 */
export function problemiSchema(documenti: Documento[]): string[] {
  if (!SCHEMI_INSTALLATI)
    throw new Error('schemi di Kubernetes assenti: npm ci --prefix tools/k8s/validator (tools/setup.sh)');
  const result = spawnSync(process.execPath, [SCRIPT], {
    input: JSON.stringify(documenti),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`valida-schemi: ${result.stderr}`);
  return JSON.parse(result.stdout) as string[];
}
