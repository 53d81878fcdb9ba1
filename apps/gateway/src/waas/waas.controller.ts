import { Body, Controller, Get, Inject, Optional, Post, Query, Req, Res } from '@nestjs/common';
import {
  DomainError,
  ERROR_KINDS,
  INTEGRAZIONI_RPC,
  type ElencoFlussiSiussV1,
  type NotificaEsitiSiussV1,
} from '@ambito/contracts';
import { RequestContext, RpcClient } from '@ambito/messaging';
import { Pubblico } from '../auth/pubblico.decorator';
import type { GatewayRequest, GatewayResponse as Response } from '../context/gateway-request';
import { statusForKind } from '../problem/error-kind';
import { PdndTokenVerifier } from './pdnd-token.verifier';

/*
 * The WaaS API of INPS (specs api-comuni.yaml, v2.0.1), which the Ambito exposes and INPS polls through
 * PDND: GET /status, GET /flussi?since=&limit=, POST /esiti, exactly in its shapes (snake_case JSON,
 * problem+json errors with only the fields of its Problem schema). Not the platform's token: a PDND
 * voucher, verified here, makes the caller the machine client `inps`. The reads carry the purpose
 * `debito-informativo`, which the law gives them (D.M. 206/2014), and are audited by integrazioni.
 */

export const PDND_VERIFIER = Symbol('PDND_VERIFIER');
const PROBLEM = 'application/problem+json';
const MOTIVO = 'Acquisizione dei flussi SIUSS da parte di INPS (API WaaS)';

interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
}

const TITOLI: Record<number, string> = {
  400: 'Richiesta non valida',
  401: 'Non autenticato',
  403: 'Operazione non consentita',
  404: 'Non trovato',
  503: 'Servizio non disponibile',
  500: 'Errore interno',
};

function problem(status: number, detail: string): Problem {
  return { type: 'about:blank', title: TITOLI[status] ?? 'Errore', status, detail };
}

@Controller('waas/v1')
@Pubblico()
export class WaasController {
  constructor(
    private readonly rpc: RpcClient,
    @Optional() @Inject(PDND_VERIFIER) private readonly pdnd: PdndTokenVerifier | null = null,
  ) {}

  @Get('status')
  async status(@Req() req: GatewayRequest, @Res() res: Response): Promise<void> {
    await this.esegui(req, res, async () => {
      await this.rpc.request(INTEGRAZIONI_RPC.statoSiuss.subject, {});
      this.invia(res, 200, problem(200, 'Il servizio di alimentazione del SIUSS è disponibile.'));
    });
  }

  @Get('flussi')
  async flussi(
    @Query() query: Record<string, unknown>,
    @Req() req: GatewayRequest,
    @Res() res: Response,
  ): Promise<void> {
    await this.esegui(req, res, async () => {
      const since = interoDa(query['since'], 'since', 0, Number.MAX_SAFE_INTEGER, true);
      const limit = interoDa(query['limit'], 'limit', 0, 100, false) ?? 10;
      const { flussi } = (await this.rpc.request(INTEGRAZIONI_RPC.elencaFlussiSiuss.subject, {
        since: since as number,
        limit,
      })) as ElencoFlussiSiussV1;
      manda(res, 200, 'application/json', {
        elenco_flussi: flussi.map((f) => ({
          codice_ente: f.codiceEnte,
          denominazione_ente: f.denominazioneEnte,
          id_flusso: f.idFlusso,
          tipo: f.tipo,
          ts_flusso: f.tsFlusso,
          flusso: f.flusso,
        })),
      });
    });
  }

  @Post('esiti')
  async esiti(@Body() body: unknown, @Req() req: GatewayRequest, @Res() res: Response): Promise<void> {
    await this.esegui(req, res, async () => {
      const elenco = (body as { elenco_esiti?: unknown } | null)?.elenco_esiti;
      if (!Array.isArray(elenco))
        throw new DomainError('VALIDAZIONE_FALLITA', 'elenco_esiti: un elenco di esiti è obbligatorio.');
      const richiesta: NotificaEsitiSiussV1 = {
        esiti: elenco.map((e: Record<string, unknown>) => ({
          idFlusso: e['id_flusso'] as string,
          tipo: e['tipo'] as never,
          tsFlusso: e['ts_flusso'] as string,
          tsAcquisizione: e['ts_acquisizione'] as string,
          codiceEsito: e['codice_esito'] as never,
          descrizioneEsito: e['descrizione_esito'] as string | undefined,
          idAcquisizioneSiuss: e['id_acquisizione_siuss'] as string | undefined,
        })),
      };
      await this.rpc.request(INTEGRAZIONI_RPC.notificaEsitiSiuss.subject, richiesta);
      // 2xx: INPS considers the notification delivered (unknown ids are kept in integrazioni's answer).
      res.statusCode = 204;
      res.end();
    });
  }

  /** The voucher checked, the call made as `inps` with the WaaS purpose, any error as its Problem. */
  private async esegui(req: GatewayRequest, res: Response, lavoro: () => Promise<void>): Promise<void> {
    if (!this.pdnd) {
      this.invia(res, 503, problem(503, 'L’API WaaS non è attiva per questo Ambito (PDND non configurata).'));
      return;
    }
    const esito = await this.pdnd.verifica(req.headers.authorization);
    if (!esito.ok) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      this.invia(res, 401, problem(401, esito.motivo));
      return;
    }
    const contesto = RequestContext.currentOrNew();
    try {
      await RequestContext.run(
        { ...contesto, actor: esito.actor, finalita: 'debito-informativo', motivo: MOTIVO },
        lavoro,
      );
    } catch (error) {
      const status = error instanceof DomainError ? statusForKind(ERROR_KINDS[error.code]) : 500;
      const detail = error instanceof DomainError ? dettaglio(error) : 'Errore interno: riprovare più tardi.';
      this.invia(res, status, problem(status, detail));
    }
  }

  private invia(res: Response, status: number, body: Problem): void {
    manda(res, status, PROBLEM, body);
  }
}

/** A JSON body with its status, written directly (the OpenAPI's shapes, not the platform's envelope). */
function manda(res: Response, status: number, tipo: string, body: object): void {
  res.statusCode = status;
  res.setHeader('Content-Type', `${tipo}; charset=utf-8`);
  res.setHeader('Cache-Control', 'no-store');
  res.end(JSON.stringify(body));
}

function dettaglio(error: DomainError): string {
  const campi = (error.details ?? [])
    .map((d: { campo?: string; messaggi?: string[] }) => (d.messaggi ?? []).join(', '))
    .filter((m) => m !== '');
  return [error.message, ...campi].join(' ').slice(0, 4096);
}

function interoDa(
  valore: unknown,
  nome: string,
  min: number,
  max: number,
  obbligatorio: boolean,
): number | undefined {
  if (valore === undefined || valore === '') {
    if (!obbligatorio) return undefined;
    throw new DomainError(
      'VALIDAZIONE_FALLITA',
      `${nome}: parametro obbligatorio (timestamp in millisecondi).`,
    );
  }
  const n = typeof valore === 'string' && /^\d+$/.test(valore) ? Number(valore) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max)
    throw new DomainError('VALIDAZIONE_FALLITA', `${nome}: numero intero da ${min} a ${max}.`);
  return n;
}
