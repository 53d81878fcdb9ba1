import fc from 'fast-check';
import type { Contesto } from './arbitrari';
import { operazioniDa, prefissoApi, type DocumentoOpenApi, type Operazione } from './operazioni';
import { richiesteDi, type RichiestaFuzz } from './richieste';

/** A demo user per role (apps/gateway/src/auth/demo-users.ts): the fuzz acts with the declared roles. */
export const UTENTE_PER_RUOLO: Record<string, string> = {
  'operatore-accesso': 'operatore.crema',
  'assistente-sociale': 'as.crema',
  'coordinatore-sub-ambito': 'coordinatore.crema',
  'responsabile-comune': 'responsabile.crema',
  'ufficio-di-piano': 'udp',
  amministratore: 'admin',
};

export interface OpzioniFuzz {
  /** Gateway base URL, e.g. http://127.0.0.1:3000. */
  gateway: string;
  /** Bearer token of a demo user. */
  token: (utente: string) => Promise<string>;
  /** Payloads per operation. */
  runs: number;
  /** Operations fuzzed at the same time. */
  parallelo?: number;
  seed?: number;
  /** Only these operation ids (all when absent). */
  soloOperazioni?: string[];
  /** Per-request timeout (ms): an answer that never comes is a failure too. */
  timeoutMs?: number;
  onProgresso?: (riga: string) => void;
}

export interface Fallimento {
  operazione: string;
  stato: number | 'nessuna risposta';
  richiesta: {
    tipo: string;
    metodo: string;
    url: string;
    intestazioni: Record<string, string>;
    corpo?: string;
  };
  risposta?: string;
}

export interface EsitoOperazione {
  operazione: string;
  richieste: number;
  perStato: Record<string, number>;
  perTipo: Record<string, number>;
  millisecondi: number;
  fallimento?: Fallimento;
}

export interface EsitoFuzz {
  operazioni: EsitoOperazione[];
  richieste: number;
  millisecondi: number;
  fallimenti: Fallimento[];
  /** 503 answers (a service too slow under load): counted, not failures. */
  nonDisponibile: number;
}

/** Fetches the OpenAPI document the gateway serves (generated from its route tables). */
export async function documentoDelGateway(gateway: string): Promise<DocumentoOpenApi> {
  const risposta = await fetch(`${gateway}/api/docs-json`);
  if (!risposta.ok) throw new Error(`documento OpenAPI del gateway: HTTP ${risposta.status}`);
  return (await risposta.json()) as DocumentoOpenApi;
}

/** The status means the platform failed: any 5xx but 503 (unavailable, retry) is a failure. */
export function eFallimento(stato: number): boolean {
  return stato >= 500 && stato !== 503;
}

/**
 * Sends `runs` generated requests to every operation (fast-check properties, one per operation: a
 * failing one is shrunk to a small counterexample) and collects the statuses.
 */
export async function eseguiFuzz(doc: DocumentoOpenApi, opzioni: OpzioniFuzz): Promise<EsitoFuzz> {
  const prefisso = prefissoApi(doc);
  const operazioni = operazioniDa(doc).filter(
    (op) => !opzioni.soloOperazioni?.length || opzioni.soloOperazioni.includes(op.id),
  );
  if (operazioni.length === 0) throw new Error('nessuna operazione da provare nel documento OpenAPI');
  const ctx: Contesto = { doc, idNoti: [] };
  const inizio = Date.now();
  const esiti: EsitoOperazione[] = [];
  const coda = [...operazioni];
  const parallelo = Math.max(1, opzioni.parallelo ?? 4);
  await Promise.all(
    Array.from({ length: parallelo }, async () => {
      for (let op = coda.shift(); op; op = coda.shift()) {
        const esito = await fuzzOperazione(ctx, op, prefisso, opzioni);
        esiti.push(esito);
        opzioni.onProgresso?.(
          `${esito.operazione}: ${esito.richieste} richieste in ${Math.round(esito.millisecondi / 1000)} s, ` +
            `stati ${JSON.stringify(esito.perStato)}${esito.fallimento ? ' — FALLITA' : ''}`,
        );
      }
    }),
  );
  esiti.sort((a, b) => a.operazione.localeCompare(b.operazione));
  return {
    operazioni: esiti,
    richieste: esiti.reduce((n, e) => n + e.richieste, 0),
    millisecondi: Date.now() - inizio,
    fallimenti: esiti.flatMap((e) => (e.fallimento ? [e.fallimento] : [])),
    nonDisponibile: esiti.reduce((n, e) => n + (e.perStato['503'] ?? 0), 0),
  };
}

async function fuzzOperazione(
  ctx: Contesto,
  op: Operazione,
  prefisso: string,
  opzioni: OpzioniFuzz,
): Promise<EsitoOperazione> {
  // A public route (role `pubblico`) is called as anyone on the internet: without a token.
  const pubblica = op.ruoli.includes('pubblico');
  const utente = op.ruoli.map((r) => UTENTE_PER_RUOLO[r]).find(Boolean);
  if (!utente && !pubblica)
    throw new Error(`${op.id}: nessun utente dimostrativo con i ruoli ${op.ruoli.join(', ')}`);
  const token = utente && !pubblica ? await opzioni.token(utente) : undefined;
  const esito: EsitoOperazione = {
    operazione: op.id,
    richieste: 0,
    perStato: {},
    perTipo: {},
    millisecondi: 0,
  };
  const inizio = Date.now();
  let ultimo: Fallimento | undefined;
  const proprieta = fc.asyncProperty(richiesteDi(ctx, op, prefisso), async (r) => {
    const { stato, testo } = await invia(opzioni.gateway, token, r, opzioni.timeoutMs ?? 30_000);
    esito.richieste += 1;
    esito.perStato[String(stato)] = (esito.perStato[String(stato)] ?? 0) + 1;
    esito.perTipo[r.tipo] = (esito.perTipo[r.tipo] ?? 0) + 1;
    if (typeof stato === 'number' && stato < 300) ricordaId(ctx, testo);
    if (stato === 'nessuna risposta' || eFallimento(stato)) {
      ultimo = { operazione: op.id, stato, richiesta: riassunto(r), risposta: testo.slice(0, 2000) };
      return false;
    }
    return true;
  });
  try {
    await fc.assert(proprieta, { numRuns: opzioni.runs, seed: opzioni.seed, verbose: 0 });
  } catch {
    // fast-check shrank it: `ultimo` is the smallest request that still failed.
    esito.fallimento = ultimo;
  }
  esito.millisecondi = Date.now() - inizio;
  return esito;
}

async function invia(
  gateway: string,
  token: string | undefined,
  r: RichiestaFuzz,
  timeoutMs: number,
): Promise<{ stato: number | 'nessuna risposta'; testo: string }> {
  try {
    const risposta = await fetch(`${gateway}${r.url}`, {
      method: r.metodo,
      headers: {
        ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
        ...(r.corpo === undefined ? {} : { 'content-type': 'application/json' }),
        ...r.intestazioni,
      },
      body: r.corpo,
      signal: AbortSignal.timeout(timeoutMs),
    });
    return { stato: risposta.status, testo: await risposta.text() };
  } catch (error) {
    // A header value fetch itself refuses (not Latin-1) never leaves: not the platform's answer.
    if (error instanceof TypeError && /header/i.test(String((error as Error).message))) {
      return { stato: 0, testo: '' };
    }
    return { stato: 'nessuna risposta', testo: String(error) };
  }
}

function ricordaId(ctx: Contesto, testo: string): void {
  const m = /"id":"([0-9a-f-]{36})"/.exec(testo);
  if (m && ctx.idNoti.length < 500 && !ctx.idNoti.includes(m[1])) ctx.idNoti.push(m[1]);
}

function riassunto(r: RichiestaFuzz): Fallimento['richiesta'] {
  return { ...r, url: r.url.slice(0, 2000), corpo: r.corpo?.slice(0, 2000) };
}
