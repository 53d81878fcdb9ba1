import { Parser } from '@asyncapi/parser';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { EVENT_DECLARATIONS, RPC_DECLARATIONS } from '../registry';
import { documentoAsyncApi } from './asyncapi-document';

const FILE = join(__dirname, '../../../../docs/api/asyncapi.yaml');
const VERSIONE = (
  JSON.parse(readFileSync(join(__dirname, '../../../../package.json'), 'utf8')) as { version: string }
).version;

/** The published AsyncAPI is generated from the message declarations and validated by the official parser. */
describe('docs/api/asyncapi.yaml', () => {
  const documento = documentoAsyncApi({
    versione: VERSIONE,
    rpc: RPC_DECLARATIONS,
    eventi: EVENT_DECLARATIONS,
  });
  const testo = `# Generato da libs/contracts (documentoAsyncApi): non modificare a mano.\n${stringify(documento, { lineWidth: 0 })}`;

  it('is up to date with the declarations (AGGIORNA_API=1 regenerates it)', () => {
    if (process.env.AGGIORNA_API === '1') writeFileSync(FILE, testo);
    expect(readFileSync(FILE, 'utf8')).toBe(testo);
  });

  it('is a valid AsyncAPI 3 document for @asyncapi/parser, with every subject and every event', async () => {
    const { document, diagnostics } = await new Parser().parse(testo);
    const errori = diagnostics.filter((d) => d.severity === 0);
    expect(errori.map((d) => `${d.path.join('.')}: ${d.message}`)).toEqual([]);
    const indirizzi = document!
      .channels()
      .all()
      .map((c) => c.address());
    for (const d of RPC_DECLARATIONS) expect(indirizzi).toContain(d.subject);
    for (const e of EVENT_DECLARATIONS) expect(indirizzi).toContain(`evt.${e.type}.v${e.version}`);
  });

  it('describes the discriminated payload of accesso.chiuso as one of its variants', () => {
    const messaggio = (documento.components as { messages: Record<string, { payload: unknown }> }).messages[
      'evt.accesso.accesso.chiuso.v2'
    ];
    expect(JSON.stringify(messaggio.payload)).toContain('AccessoChiusoConPropostaV2');
    expect(JSON.stringify(messaggio.payload)).toContain('AccessoChiusoSenzaPropostaV2');
  });
});
