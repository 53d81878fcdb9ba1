import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';

/** The schema shipped with the service (a copy of specs/inps-waas, MIT licence of INPS-it/WaaS.Comuni). */
export const XSD_PS_PSA_SINA = join(__dirname, 'PS_PSA_SINA201812.xsd');

export interface EsitoValidazione {
  valido: boolean;
  /** xmllint's messages, without the file name: why the document is not valid. */
  errori: string[];
}

/**
 * Validates a document against the PS-PSA-SINA XSD with xmllint (libxml2-utils), the reference
 * validator: a document that does not validate is never offered to INPS.
 */
@Injectable()
export class ValidatoreXsd {
  constructor(private readonly xsd: string = XSD_PS_PSA_SINA) {}

  valida(xml: string): Promise<EsitoValidazione> {
    return new Promise((resolve, reject) => {
      const child = spawn('xmllint', ['--noout', '--nonet', '--schema', this.xsd, '-'], {
        stdio: ['pipe', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (chunk: string) => (stderr += chunk));
      child.on('error', reject);
      child.on('close', (code) => {
        const errori = stderr
          .split('\n')
          .map((l) => l.replace(/^-:\d+:\s*/, '').trim())
          .filter((l) => l !== '' && l !== '- validates' && !l.endsWith('fails to validate'));
        if (code === 0) resolve({ valido: true, errori: [] });
        else if (code === 3 || code === 4 || code === 1) resolve({ valido: false, errori });
        else reject(new Error(`xmllint: uscita ${code}: ${stderr.slice(0, 500)}`));
      });
      child.stdin.end(xml, 'utf8');
    });
  }
}
