import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CodiceFiscale } from '@ambito/kernel';
import { valoreOstile, valoreSecondoSchema } from './arbitrari';
import { operazioniDa, prefissoApi, type DocumentoOpenApi } from './operazioni';
import { richiesteDi } from './richieste';
import { codiceFiscale, fugheNelLog, MARCATORE } from './sentinelle';

// The committed document, the same the gateway serves (a unit test of the gateway keeps them equal).
const doc = JSON.parse(
  readFileSync(path.join(__dirname, '../../../docs/api/openapi.json'), 'utf8'),
) as DocumentoOpenApi;

describe('the fuzz engine', () => {
  it('finds every declared operation of the gateway in its OpenAPI document (public endpoints aside)', () => {
    const operazioni = operazioniDa(doc);
    const dichiarate = Object.values(doc.paths).flatMap((voce) =>
      Object.values(voce).filter((op) => (op as { 'x-ruoli'?: unknown })['x-ruoli']),
    );
    expect(operazioni).toHaveLength(dichiarate.length);
    expect(operazioni.length).toBeGreaterThan(50);
    expect(operazioni.map((o) => o.id)).toEqual(expect.arrayContaining(['registraPersona', 'elencaAccessi']));
    expect(prefissoApi(doc)).toBe('/api/v1');
    const registra = operazioni.find((o) => o.id === 'registraPersona')!;
    expect(registra.corpo?.esempio).toMatchObject({ codiceFiscale: expect.any(String) });
  });

  it('makes codici fiscali the platform accepts', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Z]{6}$/),
        fc.date({ min: new Date('1920-01-01'), max: new Date('2020-12-31'), noInvalidDate: true }),
        fc.constantFrom('M' as const, 'F' as const),
        (lettere, data, sesso) => {
          const cf = codiceFiscale(lettere, data.toISOString().slice(0, 10), sesso, 'D142');
          expect(CodiceFiscale.isValid(cf)).toBe(true);
        },
      ),
    );
  });

  it('generates schema-guided bodies with marked free text, and hostile ones with prototype keys', () => {
    const ctx = { doc, idNoti: [] };
    const registra = operazioniDa(doc).find((o) => o.id === 'registraPersona')!;
    const corpi = fc.sample(valoreSecondoSchema(ctx, registra.corpo!.schema), 50) as Array<
      Record<string, unknown>
    >;
    expect(corpi.every((c) => typeof c.cognome === 'string' && c.cognome.startsWith(MARCATORE))).toBe(true);
    expect(corpi.filter((c) => CodiceFiscale.isValid(c.codiceFiscale)).length).toBeGreaterThan(40);
    const ostili = JSON.stringify(fc.sample(valoreOstile, { numRuns: 2000, seed: 1 }));
    expect(ostili).toContain('"__proto__"');
    const richieste = fc.sample(richiesteDi(ctx, registra, '/api/v1'), { numRuns: 200, seed: 2 });
    expect(new Set(richieste.map((r) => r.tipo))).toEqual(
      new Set(['schema', 'esempio-alterato', 'ostile', 'testo-grezzo']),
    );
  });

  it('sees a marker or a codice fiscale in a log line, and nothing in a clean one', () => {
    const log = [
      '{"level":30,"msg":"richiesta completata","url":"/api/v1/persone"}',
      '{"level":50,"err":{"parameters":["FZQK1A Rossi"]}}',
      '{"level":50,"detail":"Key (codice_fiscale)=(VRDGNN50A41D142Z) already exists."}',
    ].join('\n');
    expect(fugheNelLog('accesso.log', log).map((f) => [f.riga, f.motivo])).toEqual([
      [2, 'marcatore'],
      [3, 'codice fiscale'],
    ]);
  });
});
