import {
  RUOLO_PUBBLICO,
  type AnyRpcDeclaration,
  type Classe,
  type ReplyOf,
  type ReplySpec,
  type RequestOf,
} from '@ambito/contracts';

export type MetodoHttp = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** Error statuses a route may answer besides the ones every route has (400, 401, 403, 429, 500, 503). */
export type StatoErrore = 404 | 409 | 422;

/** A path parameter: which request field it fills and how it is checked. */
export interface Parametro {
  /** Request field it fills; the parameter's own name by default (`{id}` → `id`). */
  campo?: string;
  descrizione: string;
}

/** What the route answers when it is not the reply as it comes (a projection, a CSV file). */
export interface Presentazione<D extends AnyRpcDeclaration> {
  /** Schema of what is returned (OpenAPI); `text/csv` or `application/pdf` for a file, `image/svg+xml` for a chart. */
  classe: ReplySpec | 'text/csv' | 'application/pdf' | 'image/svg+xml';
  descrizione: string;
  da: (reply: ReplyOf<D>, params: Record<string, string>) => unknown;
  /** File name of a CSV or PDF download (a chart is shown inline). */
  nomeFile?: (params: Record<string, string>) => string;
  /**
   * A CSV the service renders in parts (a whole one would exceed a NATS message): the request of the
   * part after this reply, or null at the last. The gateway streams the parts as one file, `da` of each.
   */
  seguito?: (reply: ReplyOf<D>, params: Record<string, string>) => RequestOf<D> | null;
}

/**
 * One REST operation of the gateway: the HTTP side of a declared message. The controller and the
 * OpenAPI operation are both produced from it; roles come from the message's declaration.
 */
export interface Rotta<D extends AnyRpcDeclaration = AnyRpcDeclaration> {
  metodo: MetodoHttp;
  /** OpenAPI-style path below `/api/v1`, e.g. `/accessi/{id}/esito`. */
  percorso: string;
  messaggio: D;
  /** OpenAPI tag (the resource family). */
  tag: string;
  /** Stable operation id (camelCase), e.g. `registraAccesso`. */
  operazione: string;
  sommario: string;
  descrizione?: string;
  parametri?: Record<string, Parametro>;
  /**
   * Where the JSON body goes in the request: the whole request (default for POST/PUT/PATCH) or one of
   * its fields (e.g. the esito of a chiusura). GET and DELETE have no body: the query fills the request.
   */
  corpo?: Extract<keyof RequestOf<D>, string>;
  /** Success status: 201 Created by default for POST (Nest's convention), 200 for the others. */
  stato?: 200 | 201;
  /** Path segments of the created resource, for `Location` (null: nothing created for the caller). */
  posizione?: (reply: ReplyOf<D>) => string[] | null;
  /**
   * A second success: `202 Accepted` with this body when `quando(reply)` holds, e.g. a proposta
   * forwarded to the équipe that owns the case instead of a cartella opened for the caller.
   */
  accettata?: {
    quando: (reply: ReplyOf<D>) => boolean;
    classe: Classe;
    descrizione: string;
    da: (reply: ReplyOf<D>) => unknown;
  };
  errori?: StatoErrore[];
  risposta?: Presentazione<D>;
  /** Description of the 200/201 answer. */
  esito: string;
  /**
   * Reachable without a token, as the anonymous actor `pubblico` and within the per-address limit of
   * the public routes: only for a message whose declaration admits that role alone and reads no
   * personal data (checked when the controller is made).
   */
  pubblica?: true;
  /**
   * For a public route only: how long the reader's own browser may keep the answer (`Cache-Control:
   * private, max-age`), with an ETag of the answer so that a revalidation costs a 304 (see cache-pubblica.ts).
   */
  cache?: { maxAgeSecondi: number };
  /** An example of the JSON body (required when the route has a body). */
  esempio?: Partial<RequestOf<D>> | Record<string, unknown>;
}

/** Declares a route; the generic ties `corpo`, `posizione` and `risposta` to the message's types. */
export function rotta<D extends AnyRpcDeclaration>(r: Rotta<D>): Rotta {
  return r as unknown as Rotta;
}

/**
 * A public route sends a message declared for the anonymous actor alone, reading no personal data; and
 * no other route's message admits the anonymous actor. Why not, or null.
 */
export function difettoPubblicita(r: Rotta): string | null {
  const soloPubblico = r.messaggio.ruoli.length === 1 && r.messaggio.ruoli[0] === RUOLO_PUBBLICO;
  const ammettePubblico = r.messaggio.ruoli.includes(RUOLO_PUBBLICO);
  if (r.pubblica && !soloPubblico)
    return `${r.operazione}: una rotta pubblica invia solo messaggi dichiarati per il ruolo ${RUOLO_PUBBLICO}`;
  if (r.pubblica && r.messaggio.letturaDatiPersonali)
    return `${r.operazione}: una rotta pubblica non legge dati personali`;
  if (r.cache && !r.pubblica)
    return `${r.operazione}: solo una rotta pubblica dichiara la cache (mai dati personali in una cache)`;
  if (!r.pubblica && ammettePubblico)
    return `${r.operazione}: il messaggio ammette il ruolo ${RUOLO_PUBBLICO} ma la rotta non è pubblica`;
  return null;
}

export function haCorpo(r: Rotta): boolean {
  return r.metodo === 'post' || r.metodo === 'put' || r.metodo === 'patch';
}

/** `{id}` parameters of a path, in order. */
export function nomiParametri(percorso: string): string[] {
  return [...percorso.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]);
}

/** `/accessi/{id}` → `accessi/:id` for the router. */
export function percorsoExpress(percorso: string): string {
  return percorso.replace(/^\//, '').replace(/\{([A-Za-z0-9_]+)\}/g, ':$1');
}

export function statoDiSuccesso(r: Rotta): 200 | 201 {
  return r.stato ?? (r.metodo === 'post' ? 201 : 200);
}
