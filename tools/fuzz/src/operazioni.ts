/*
 * The commands under fuzz, read from the gateway's OpenAPI document (served at /api/docs-json, generated
 * from the route tables, which derive from the RPC declarations of libs/contracts): a new route is
 * fuzzed without touching this tool.
 */

/** The part of JSON Schema / OpenAPI 3.0 the contracts produce. */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
}

export interface DocumentoOpenApi {
  servers?: Array<{ url: string }>;
  paths: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, Schema>; parameters?: Record<string, unknown> };
}

interface ParametroOpenApi {
  $ref?: string;
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: Schema;
}

export interface Parametro {
  nome: string;
  schema: Schema;
  obbligatorio: boolean;
}

/** One REST operation of the gateway, i.e. one declared message reachable over HTTP. */
export interface Operazione {
  id: string;
  metodo: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI path below the server URL, e.g. `/accessi/{id}/esito`. */
  percorso: string;
  /** Roles of the declaration (`x-ruoli`): the fuzz acts as a user that has one. */
  ruoli: string[];
  parametriPercorso: Parametro[];
  query: Parametro[];
  /** The purposes the operation accepts (`X-Finalita`, reads of personal data); absent: none asked. */
  finalita?: string[];
  corpo?: { schema: Schema; esempio?: unknown };
}

const METODI = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Every operation that carries roles (a declared message): public endpoints (token, status) are not commands. */
export function operazioniDa(doc: DocumentoOpenApi): Operazione[] {
  const out: Operazione[] = [];
  for (const [percorso, voce] of Object.entries(doc.paths)) {
    for (const metodo of METODI) {
      const op = voce[metodo] as
        | {
            operationId: string;
            'x-ruoli'?: string[];
            parameters?: ParametroOpenApi[];
            requestBody?: { content?: Record<string, { schema: Schema; example?: unknown }> };
          }
        | undefined;
      if (!op?.['x-ruoli']?.length) continue;
      const parametri = (op.parameters ?? []).map((p) => risolviParametro(doc, p));
      const contenuto = op.requestBody?.content ?? {};
      const json = contenuto['application/json'] ?? Object.values(contenuto)[0];
      out.push({
        id: op.operationId,
        metodo,
        percorso,
        ruoli: op['x-ruoli'],
        parametriPercorso: parametri.filter((p) => p.in === 'path').map(comeParametro),
        query: parametri.filter((p) => p.in === 'query').map(comeParametro),
        finalita: finalitaDi(parametri),
        corpo: json ? { schema: json.schema, esempio: json.example } : undefined,
      });
    }
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

/** The path of the server below the host, e.g. `/api/v1`. */
export function prefissoApi(doc: DocumentoOpenApi): string {
  const url = doc.servers?.[0]?.url ?? '/api/v1';
  return url.startsWith('/') ? url : new URL(url).pathname;
}

export function risolvi(doc: DocumentoOpenApi, schema: Schema): Schema {
  let s = schema;
  for (let i = 0; s.$ref && i < 20; i++) {
    const nome = s.$ref.replace('#/components/schemas/', '');
    s = doc.components?.schemas?.[nome] ?? {};
  }
  return s;
}

function risolviParametro(doc: DocumentoOpenApi, p: ParametroOpenApi): ParametroOpenApi {
  if (!p.$ref) return p;
  const nome = p.$ref.replace('#/components/parameters/', '');
  return (doc.components?.parameters?.[nome] as ParametroOpenApi | undefined) ?? p;
}

/** The enum of a declared `X-Finalita` header, so that reads of personal data get past the purpose check. */
function finalitaDi(parametri: ParametroOpenApi[]): string[] | undefined {
  const p = parametri.find((x) => x.in === 'header' && x.name.toLowerCase() === 'x-finalita');
  const valori = p?.schema?.enum;
  return Array.isArray(valori) && valori.length ? valori.map(String) : undefined;
}

function comeParametro(p: ParametroOpenApi): Parametro {
  return { nome: p.name, schema: p.schema ?? { type: 'string' }, obbligatorio: p.required ?? false };
}
