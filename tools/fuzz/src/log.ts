import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fugheNelLog, type Fuga } from './sentinelle';

export interface LetturaLog {
  file: string;
  righe: number;
  fughe: Fuga[];
}

/** Every `*.log` of a directory (one per app: stdout and stderr), read and checked for leaks. */
export function controllaLog(cartella: string): LetturaLog[] {
  return readdirSync(cartella)
    .filter((f) => f.endsWith('.log'))
    .sort()
    .map((f) => {
      const testo = readFileSync(path.join(cartella, f), 'utf8');
      return { file: f, righe: testo.split('\n').filter(Boolean).length, fughe: fugheNelLog(f, testo) };
    });
}
