import { spawnSync } from 'node:child_process';
import { parseAllDocuments } from 'yaml';
import type { Documento } from './regole';

/** `kubectl kustomize <dir>`, its documents parsed; a kustomize error is thrown with its message. */
export function kustomize(dir: string): Documento[] {
  const result = spawnSync('kubectl', ['kustomize', dir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`kubectl kustomize ${dir}: ${result.stderr.trim()}`);
  return parseAllDocuments(result.stdout)
    .map((doc) => doc.toJS() as Documento | null)
    .filter((d): d is Documento => d !== null);
}
