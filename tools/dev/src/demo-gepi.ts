import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ImportazioneGepiV1 } from '@ambito/contracts';
import type { DemoClient } from './demo-data';

/** The sample GePI export of the demo (docs/gepi.md): four ADI households of the Ambito Cremasco. */
export const FILE_GEPI_DEMO = path.join('tools', 'dev', 'demo', 'gepi-nuclei-adi.csv');

export interface EsitoDemoGepi {
  importazione: ImportazioneGepiV1;
}

/**
 * Imports the sample GePI file as the coordinator of Crema, through the public API (issue 12, point 3):
 * the households open or join cartelle with their ADI deadlines. A later start sends the same file and
 * gets the first import back (`ripetuta`): nothing changes.
 */
export async function seedDemoGepi(client: DemoClient, root: string): Promise<EsitoDemoGepi> {
  const contenuto = readFileSync(path.join(root, FILE_GEPI_DEMO), 'utf8');
  const { status, body } = await client.call<ImportazioneGepiV1 & { detail?: string }>(
    'coordinatore.crema',
    'POST',
    '/integrazioni/gepi/importazioni',
    { nomeFile: path.basename(FILE_GEPI_DEMO), contenuto },
  );
  if (status !== 200)
    throw new Error(`importazione GePI dimostrativa: HTTP ${status} ${JSON.stringify(body)}`);
  return { importazione: body };
}
