import {
  Controller,
  StreamableFile,
  Delete,
  Get,
  HttpCode,
  Inject,
  Patch,
  Post,
  Put,
  Req,
  Res,
  SetMetadata,
  type Type,
} from '@nestjs/common';
import { Readable } from 'node:stream';
import { erroreFinalita } from '@ambito/contracts';
import { RequestContext, RpcClient, type RequestContextData } from '@ambito/messaging';
import { intestazioniCache } from './cache-pubblica';
import { idempotencyKeyDi, riletturaSicura } from './idempotency-key';
import { Pubblico, RottaPubblica } from '../auth/pubblico.decorator';
import { RUOLI_KEY } from '../auth/ruoli.decorator';
import { resourcePath } from '../common/api-prefix';
import type { GatewayRequest, GatewayResponse } from '../context/gateway-request';
import { richiestaDa } from './richiesta';
import { difettoPubblicita, percorsoExpress, statoDiSuccesso, type MetodoHttp, type Rotta } from './rotta';

const VERBI: Record<MetodoHttp, (path: string) => MethodDecorator> = {
  get: Get,
  post: Post,
  put: Put,
  patch: Patch,
  delete: Delete,
};

type RichiestaHttp = GatewayRequest & {
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
};

/** What every route does: assemble and validate the command, send it, present the reply. */
async function esegui(rpc: RpcClient, r: Rotta, req: RichiestaHttp, res: GatewayResponse): Promise<unknown> {
  if (r.messaggio.letturaDatiPersonali) {
    // No purpose, no read: refused here, before the bus (the service checks again).
    const ctx = RequestContext.current();
    const errore = erroreFinalita(ctx?.finalita, ctx?.motivo);
    if (errore) throw errore;
  }
  const idempotencyKey = idempotencyKeyDi(r, req);
  const richiesta = await richiestaDa(r, req);
  const reply = await riletturaSicura(r, () =>
    rpc.request(r.messaggio.subject as never, richiesta as never, { idempotencyKey }),
  );
  if (r.accettata?.quando(reply)) {
    res.statusCode = 202;
    return r.accettata.da(reply);
  }
  if (r.cache) intestazioniCache(res, r.cache.maxAgeSecondi, reply);
  const posizione = r.posizione?.(reply);
  if (posizione) res.setHeader('Location', resourcePath(...posizione));
  const presentazione = r.risposta;
  if (!presentazione) return reply;
  if (presentazione.classe === 'text/csv') {
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    const nome = presentazione.nomeFile?.(req.params);
    if (nome) res.setHeader('Content-Disposition', `attachment; filename="${nome}"`);
    if (presentazione.seguito) {
      // The parts are asked while the stream is read, after this handler returned: in its context.
      const contesto = { ...RequestContext.current()!, scadenza: undefined };
      return new StreamableFile(Readable.from(parti(rpc, r, reply, req.params, contesto)));
    }
  }
  if (presentazione.classe === 'application/pdf') {
    // A Buffer sent as is (Nest would serialise it as JSON): a printable document, opened inline.
    const nome = presentazione.nomeFile?.(req.params);
    return new StreamableFile(presentazione.da(reply, req.params) as Buffer, {
      type: 'application/pdf',
      disposition: nome ? `inline; filename="${nome}"` : undefined,
    });
  }
  if (presentazione.classe === 'image/svg+xml') {
    // Made by the service from data; no script in it, and the browser is told not to run any.
    res.setHeader('Content-Type', 'image/svg+xml; charset=utf-8');
    res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
  }
  return presentazione.da(reply, req.params);
}

/**
 * The parts of a document the service sends in pieces: the first reply's, then each next request's, in
 * the first request's context (its actor and purpose; not its deadline: each part has its own). The
 * first part's errors were answered as errors; a later one's cuts the download short (the client sees
 * an incomplete transfer, never a file that looks whole).
 */
async function* parti(
  rpc: RpcClient,
  r: Rotta,
  primo: unknown,
  params: Record<string, string>,
  contesto: RequestContextData,
): AsyncGenerator<Buffer> {
  const presentazione = r.risposta!;
  let reply = primo;
  for (;;) {
    yield Buffer.from(String(presentazione.da(reply as never, params)));
    const seguito = presentazione.seguito!(reply as never, params);
    if (seguito === null) return;
    reply = await RequestContext.run(contesto, () =>
      rpc.request(r.messaggio.subject as never, seguito as never),
    );
  }
}

/**
 * A Nest controller made from a route table: one method per route, with its verb, path, status and the
 * roles of the message's declaration (enforced by RuoliGuard). No hand-written proxy code per route.
 */
export function controllerDa(nome: string, rotte: readonly Rotta[]): Type {
  class RouteTableController {
    constructor(readonly rpc: RpcClient) {}
  }
  Object.defineProperty(RouteTableController, 'name', { value: nome });
  Inject(RpcClient)(RouteTableController, undefined as never, 0);
  Controller()(RouteTableController);
  for (const r of rotte) {
    const difetto = difettoPubblicita(r);
    if (difetto) throw new Error(difetto);
    const metodo = async function (this: RouteTableController, req: RichiestaHttp, res: GatewayResponse) {
      return esegui(this.rpc, r, req, res);
    };
    Object.defineProperty(RouteTableController.prototype, r.operazione, {
      value: metodo,
      writable: true,
      configurable: true,
    });
    const descriptor = Object.getOwnPropertyDescriptor(RouteTableController.prototype, r.operazione)!;
    Req()(RouteTableController.prototype, r.operazione, 0);
    Res({ passthrough: true })(RouteTableController.prototype, r.operazione, 1);
    for (const decorator of [
      VERBI[r.metodo](percorsoExpress(r.percorso)),
      HttpCode(statoDiSuccesso(r)),
      SetMetadata(RUOLI_KEY, r.messaggio.ruoli),
      ...(r.pubblica ? [Pubblico(), RottaPubblica()] : []),
    ]) {
      decorator(RouteTableController.prototype, r.operazione, descriptor);
    }
  }
  return RouteTableController;
}
