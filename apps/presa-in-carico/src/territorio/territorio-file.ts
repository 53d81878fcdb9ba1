import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ISTAT_PATTERN } from '@ambito/contracts';

/** The demo territorio shipped with the service (copied next to the compiled code by the build). */
export const DEFAULT_TERRITORIO_FILE = path.join(__dirname, 'seed', 'ambito-cremasco.v1.json');

/** What this service reads of the territorio: which sub-ambito each comune belongs to. */
export interface Territorio {
  versione: string;
  comuni: { istat: string; denominazione: string; subAmbito: string; popolazione: number }[];
  subAmbiti: { codice: string; denominazione: string }[];
}

export class TerritorioNonValidoError extends Error {}

/** The same file the accesso service reads; a mistake stops the service at start. */
export function loadTerritorioFile(file: string = DEFAULT_TERRITORIO_FILE): Territorio {
  let data: Partial<Territorio> | null;
  try {
    data = JSON.parse(readFileSync(file, 'utf8')) as Partial<Territorio> | null;
  } catch (error) {
    throw new TerritorioNonValidoError(
      `File del territorio illeggibile (${file}): ${(error as Error).message}`,
    );
  }
  const problems: string[] = [];
  if (!data || !Array.isArray(data.comuni) || !Array.isArray(data.subAmbiti)) {
    problems.push('comuni e subAmbiti devono essere elenchi');
  } else {
    const subAmbiti = new Set(data.subAmbiti.map((s) => s?.codice));
    const visti = new Set<string>();
    for (const c of data.comuni) {
      const nome = c?.denominazione ?? c?.istat ?? '?';
      if (typeof c?.istat !== 'string' || !ISTAT_PATTERN.test(c.istat))
        problems.push(`${nome}: codice ISTAT di 6 cifre`);
      else if (visti.has(c.istat)) problems.push(`comune ${c.istat} ripetuto`);
      else visti.add(c.istat);
      if (!subAmbiti.has(c?.subAmbito)) problems.push(`${nome}: sub-ambito ${c?.subAmbito} sconosciuto`);
    }
  }
  if (problems.length > 0)
    throw new TerritorioNonValidoError(
      `File del territorio non valido (${file}):\n  - ${problems.join('\n  - ')}`,
    );
  return data as Territorio;
}
