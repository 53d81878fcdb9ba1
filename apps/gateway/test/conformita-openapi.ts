import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';

/*
 * Checks a response of our server against an OpenAPI 3.0 document (the conformance test of the WaaS
 * API, specs/inps-waas/api-comuni.yaml): the status must be documented (or `default`), the content type
 * one of its media types, the body valid against its schema (refs resolved, OpenAPI keywords turned
 * into JSON Schema: boolean exclusiveMaximum, nullable, example/xml dropped).
 */

type Json = Record<string, unknown>;

export const WAAS_OPENAPI = join(__dirname, '../src/waas/api-comuni.yaml');

export class ConformitaOpenApi {
  private readonly doc: Json;
  private readonly ajv = new Ajv({ allErrors: true, unknownFormats: 'ignore', schemaId: 'auto' });

  constructor(file: string) {
    this.doc = parse(readFileSync(file, 'utf8')) as Json;
  }

  /** The problems of one response; empty when it conforms. */
  verifica(
    metodo: string,
    percorso: string,
    risposta: { status: number; headers: Record<string, string | undefined>; text: string },
  ): string[] {
    const operazione = ((this.doc['paths'] as Json)[percorso] as Json | undefined)?.[metodo] as
      Json | undefined;
    if (!operazione) return [`${metodo.toUpperCase()} ${percorso}: operazione non documentata`];
    const risposte = operazione['responses'] as Json;
    let documentata = (risposte[String(risposta.status)] ?? risposte['default']) as Json | undefined;
    if (!documentata)
      return [`${risposta.status}: stato non documentato per ${metodo.toUpperCase()} ${percorso}`];
    documentata = this.risolvi(documentata);
    const contenuti = documentata['content'] as Json | undefined;
    if (!contenuti) return risposta.text === '' ? [] : [`${risposta.status}: corpo non previsto`];
    const tipo = (risposta.headers['content-type'] ?? '').split(';')[0].trim();
    const media = contenuti[tipo] as Json | undefined;
    if (!media)
      return [`${risposta.status}: content-type ${tipo} non tra ${Object.keys(contenuti).join(', ')}`];
    const schema = this.jsonSchema(this.risolvi(media['schema'] as Json));
    let corpo: unknown;
    try {
      corpo = JSON.parse(risposta.text);
    } catch {
      return [`${risposta.status}: corpo non JSON`];
    }
    const valida = this.ajv.compile(schema as object);
    return valida(corpo) ? [] : (valida.errors ?? []).map((e) => `${e.dataPath} ${e.message}`);
  }

  private risolvi(nodo: Json): Json {
    let corrente = nodo;
    while (typeof corrente['$ref'] === 'string') {
      corrente = (corrente['$ref'] as string)
        .slice(2)
        .split('/')
        .reduce<Json>((acc, parte) => acc[parte] as Json, this.doc);
    }
    return corrente;
  }

  /** The schema with refs inlined and OpenAPI 3.0 keywords mapped to JSON Schema draft-07. */
  private jsonSchema(nodo: unknown): unknown {
    if (Array.isArray(nodo)) return nodo.map((n) => this.jsonSchema(n));
    if (nodo === null || typeof nodo !== 'object') return nodo;
    const o = this.risolvi(nodo as Json);
    const out: Json = {};
    for (const [k, v] of Object.entries(o)) {
      if (['example', 'examples', 'xml', 'nullable', 'format'].includes(k) && k !== 'format') continue;
      if (k === 'format' && (v === 'int32' || v === 'int64' || v === 'byte')) continue;
      out[k] =
        k === 'properties'
          ? Object.fromEntries(Object.entries(v as Json).map(([p, s]) => [p, this.jsonSchema(s)]))
          : this.jsonSchema(v);
    }
    if (o['exclusiveMaximum'] === true) {
      out['exclusiveMaximum'] = o['maximum'];
      delete out['maximum'];
    }
    if (o['exclusiveMinimum'] === true) {
      out['exclusiveMinimum'] = o['minimum'];
      delete out['minimum'];
    }
    if (o['nullable'] === true && typeof o['type'] === 'string') out['type'] = [o['type'], 'null'];
    return out;
  }
}
