import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The folder of the ConsultazioneISEE schema files, found from this module's place whether it runs from
 * the sources (ts-jest) or from `dist/` (npm start): the files are not compiled, so the search goes up to
 * the workspace and into the sources.
 */
export function cartellaXsdIsee(): string {
  const relativa = join('libs', 'testing', 'src', 'fakes', 'inps-isee', 'xsd');
  for (let d = __dirname; ; d = dirname(d)) {
    const vicina = join(d, 'inps-isee', 'xsd');
    if (existsSync(join(vicina, 'busta-consultazione.xsd'))) return vicina;
    if (existsSync(join(d, relativa, 'busta-consultazione.xsd'))) return join(d, relativa);
    if (dirname(d) === d) throw new Error('schemi XSD di ConsultazioneISEE non trovati');
  }
}

export interface EsitoValidazione {
  valido: boolean;
  errori: string;
}

/** Validates `xml` against the schema `xsd` with xmllint (libxml2-utils), as a child process. */
export function validaXsd(xml: string, xsd: string): Promise<EsitoValidazione> {
  return new Promise((resolve, reject) => {
    const figlio = execFile('xmllint', ['--noout', '--schema', xsd, '-'], (err, _out, stderr) => {
      if (err && typeof (err as { code?: unknown }).code !== 'number') return reject(err);
      resolve({ valido: !err, errori: err ? stderr.trim() : '' });
    });
    figlio.stdin?.end(xml);
  });
}
