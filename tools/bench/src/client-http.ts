import { Agent, request } from 'node:http';

/*
 * The load generator's HTTP client: node:http on kept-alive connections. `fetch` costs the generator
 * about 1 ms of CPU per request (WHATWG streams and headers), taken from the same two cores as the
 * platform under test; the floor and the platform rows use this one client alike.
 */

/**
 * An idle connection is dropped after 4 s, before the servers' own keep-alive timeout (Node's 5 s):
 * otherwise a request sent on it as the server closes it fails with ECONNRESET, counted as the
 * platform's error (it happened between two rows of a run).
 */
const agente = new Agent({ keepAlive: true, maxSockets: 256, timeout: 4000 });

export interface RichiestaHttp {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface RispostaHttp {
  status: number;
  testo: string;
}

export function inviaHttp(url: string, init: RichiestaHttp = {}): Promise<RispostaHttp> {
  return new Promise((resolve, reject) => {
    const headers = { ...init.headers };
    if (init.body !== undefined) headers['content-length'] = String(Buffer.byteLength(init.body));
    const req = request(url, { method: init.method ?? 'GET', headers, agent: agente }, (res) => {
      const parti: Buffer[] = [];
      res.on('data', (d: Buffer) => parti.push(d));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, testo: Buffer.concat(parti).toString('utf8') }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(init.body);
  });
}
