import { Counter, Histogram } from 'prom-client';
import { metricsRegistry } from '@ambito/service-runtime';

/** Header that carries our correlation id to the other system (and back in its logs). */
export const CORRELATION_HEADER = 'X-Correlation-ID';

const durata = new Histogram({
  name: 'ambito_chiamate_esterne_duration_seconds',
  help: 'Durata delle chiamate verso sistemi esterni (INPS, PDND…), per sistema, operazione ed esito',
  labelNames: ['sistema', 'operazione', 'esito'],
  buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [metricsRegistry],
});

const chiamate = new Counter({
  name: 'ambito_chiamate_esterne_total',
  help: 'Chiamate verso sistemi esterni, per sistema, operazione ed esito',
  labelNames: ['sistema', 'operazione', 'esito'],
  registers: [metricsRegistry],
});

export interface RichiestaHttp {
  sistema: string;
  operazione: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  correlationId: string;
}

export interface RispostaHttp {
  status: number;
  headers: Headers;
  body: string;
  durataMs: number;
}

/** The call did not complete: no answer in time, or no connection. */
export class ChiamataNonRiuscita extends Error {
  constructor(
    readonly esito: 'TIMEOUT' | 'CONNESSIONE',
    readonly durataMs: number,
    causa: unknown,
  ) {
    super(`${esito}: ${causa instanceof Error ? causa.message : String(causa)}`);
  }
}

/**
 * One outgoing HTTP POST with a timeout, our correlation id in a header and a metric (duration and
 * count by system, operation and outcome). The outcome label of an answered call is its status class
 * unless the caller relabels it (`esitoMetrica`), e.g. with the SOAP Esito.
 */
export async function postHttp(
  r: RichiestaHttp,
  esitoMetrica?: (risposta: RispostaHttp) => string,
): Promise<RispostaHttp> {
  const inizio = performance.now();
  const labels = { sistema: r.sistema, operazione: r.operazione };
  // Our own timer, so that a timeout is told from a broken connection whatever error the abort raises.
  const controllo = new AbortController();
  let scaduta = false;
  const timer = setTimeout(() => {
    scaduta = true;
    controllo.abort();
  }, r.timeoutMs);
  try {
    const res = await fetch(r.url, {
      method: 'POST',
      headers: { ...r.headers, [CORRELATION_HEADER]: r.correlationId },
      body: r.body,
      signal: controllo.signal,
    });
    const body = await res.text();
    const durataMs = Math.round(performance.now() - inizio);
    const risposta = { status: res.status, headers: res.headers, body, durataMs };
    const esito = esitoMetrica?.(risposta) ?? `HTTP_${res.status}`;
    durata.observe({ ...labels, esito }, durataMs / 1000);
    chiamate.inc({ ...labels, esito });
    return risposta;
  } catch (e) {
    const durataMs = Math.round(performance.now() - inizio);
    const esito = scaduta ? 'TIMEOUT' : 'CONNESSIONE';
    durata.observe({ ...labels, esito }, durataMs / 1000);
    chiamate.inc({ ...labels, esito });
    throw new ChiamataNonRiuscita(esito, durataMs, e);
  } finally {
    clearTimeout(timer);
  }
}
