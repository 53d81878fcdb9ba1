import { Agent, request } from 'node:http';

/*
 * The load generator's HTTP client: node:http on kept-alive connections. `fetch` costs the generator
 * about 1 ms of CPU per request (WHATWG streams and headers), taken from the same two cores as the
 * platform under test; the floor and the platform rows use this one client alike.
 */

const agente = new Agent({ keepAlive: true, maxSockets: 256 });

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
