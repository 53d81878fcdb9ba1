import { existsSync } from 'node:fs';
import path from 'node:path';

/** The repository's root, from the sources (tests) as from dist/ (the command): where nx.json is. */
export function radice(dir: string = __dirname): string {
  let d = dir;
  while (!existsSync(path.join(d, 'nx.json'))) {
    const parent = path.dirname(d);
    if (parent === d) throw new Error(`radice del repository non trovata da ${dir}`);
    d = parent;
  }
  return d;
}
