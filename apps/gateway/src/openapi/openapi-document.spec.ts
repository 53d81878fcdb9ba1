import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_VERSION } from '@ambito/service-runtime';
import { ROTTE } from '../routes/routes.module';
import { documentoOpenApi } from './openapi-document';

const FILE = join(__dirname, '../../../../docs/api/openapi.json');

type Operazione = {
  summary?: string;
  requestBody?: { content: Record<string, { example?: unknown }> };
  responses: Record<string, { content?: Record<string, { example?: unknown }>; $ref?: string }>;
};

/** The published OpenAPI (production: no demo token endpoint) is generated from the route table. */
describe('docs/api/openapi.json', () => {
  const documento = documentoOpenApi(ROTTE, { versione: APP_VERSION, emittenteLocale: false });
  const testo = `${JSON.stringify(documento, null, 2)}\n`;

  it('is up to date with the route table and the contracts (AGGIORNA_API=1 regenerates it)', () => {
    if (process.env.AGGIORNA_API === '1') writeFileSync(FILE, testo);
    expect(readFileSync(FILE, 'utf8')).toBe(testo);
  });

  it('gives every operation a summary and an example of its body and of its answer', () => {
    const operazioni = Object.values(documento.paths as Record<string, Record<string, Operazione>>).flatMap(
      (path) => Object.values(path),
    );
    expect(operazioni.length).toBe(ROTTE.length + 1);
    for (const op of operazioni) {
      expect(op.summary).toBeTruthy();
      for (const media of Object.values(op.requestBody?.content ?? {})) expect(media.example).toBeDefined();
      const successo = Object.entries(op.responses).find(([stato]) => stato.startsWith('2'))![1];
      for (const media of Object.values(successo.content ?? {})) expect(media.example).toBeDefined();
    }
  });

  it('requires X-Finalita and X-Motivo on exactly the reads of personal data (issue 14, point 7)', () => {
    const paths = documento.paths as Record<string, Record<string, { parameters: Array<{ $ref?: string }> }>>;
    const conFinalita = ROTTE.filter((r) =>
      paths[r.percorso][r.metodo].parameters.some((p) => p.$ref === '#/components/parameters/XFinalita'),
    ).map((r) => r.operazione);
    expect(conFinalita.sort()).toEqual(
      ROTTE.filter((r) => r.messaggio.letturaDatiPersonali)
        .map((r) => r.operazione)
        .sort(),
    );
    expect(conFinalita).toEqual(
      expect.arrayContaining([
        'leggiPersona',
        'cercaPersone',
        'leggiAccesso',
        'elencaAccessi',
        'leggiCartella',
        'elencaCartelle',
        'leggiDiario',
        'leggiImpegno',
        'elencaAuditAccessi',
        'elencaAuditCartelle',
      ]),
    );
    const parametri = (documento.components as { parameters: Record<string, { required: boolean }> })
      .parameters;
    expect(parametri.XFinalita.required).toBe(true);
    expect(parametri.XMotivoObbligatorio.required).toBe(true);
  });

  it('lists the roles of users only: a service’s own role (servizio-misure on the impegni) is no user’s', () => {
    const paths = documento.paths as Record<
      string,
      Record<string, { 'x-ruoli': string[]; description: string }>
    >;
    const impegno = ROTTE.find((r) => r.messaggio.subject === 'budget.impegno.richiedi')!;
    expect(impegno.messaggio.ruoli).toContain('servizio-misure');
    const op = paths[impegno.percorso][impegno.metodo];
    expect(op['x-ruoli']).toEqual(['ufficio-di-piano', 'amministratore']);
    expect(op.description).not.toContain('servizio-');
  });

  it('declares money as int64 and every integer and number with its size', () => {
    const interi = JSON.stringify(documento).match(/"type":"integer"(,"[a-z]+":[^,}]+)*/g) ?? [];
    expect(interi.length).toBeGreaterThan(0);
    const senzaFormato = JSON.stringify(documento).match(/"type":"integer"(?![^}]*"format")/g) ?? [];
    expect(senzaFormato).toEqual([]);
    expect(JSON.stringify(documento).match(/"type":"number"(?![^}]*"format")/g) ?? []).toEqual([]);
  });
});
