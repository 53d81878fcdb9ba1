import type { DataSource } from 'typeorm';
import { ChiamataNonRiuscita, postHttp } from '../chiamate-esterne/chiamata-http';
import { registraChiamata, type ChiamataRegistrata } from '../chiamate-esterne/registro-chiamate.sql';
import { VoucherNonOttenuto, type Tracciamento, type VoucherPdnd } from '../pdnd/voucher';
import {
  RispostaNonLeggibile,
  SOAP_ACTION,
  leggiRisposta,
  richiestaAttestazione,
  richiestaIndicatore,
  type OperazioneIsee,
  type RicercaCF,
  type RispostaIsee,
  type TipoIndicatore,
} from './soap-isee';

/** The INPS ISEE adapter's settings for this ambito. */
export interface ConfigurazioneInpsIsee {
  url: string;
  purposeId: string;
  audience: string;
  timeoutMs: number;
}

/**
 * What one call came to:
 * - `risposta`: INPS answered with an Esito it means (OK, DATI_NON_TROVATI, RICHIESTA_INVALIDA…);
 * - `riprova`: a transient failure worth retrying soon (DATABASE_OFFLINE, ERRORE_INTERNO, timeout, 5xx);
 * - `rinvia`: INPS asks us to come back later (429, the daily limit): not before `finoA`.
 */
export type EsitoChiamataIsee =
  | { tipo: 'risposta'; risposta: RispostaIsee }
  | { tipo: 'riprova'; esito: string }
  | { tipo: 'rinvia'; esito: 'HTTP_429' | 'LIMITE_GIORNALIERO'; finoA: Date };

/** The consultation a call belongs to, for the register and the tracking evidence. */
export interface ContestoChiamata {
  consultazioneId: string;
  correlationId: string;
  protocolloIstanza: string;
  tracciamento: Tracciamento;
}

const RITENTABILI = new Set(['DATABASE_OFFLINE', 'ERRORE_INTERNO']);

/** The first minute of the next day (UTC, which is after midnight in Rome): INPS' daily counter is reset. */
export function domani(adesso: Date): Date {
  const d = new Date(Date.UTC(adesso.getUTCFullYear(), adesso.getUTCMonth(), adesso.getUTCDate() + 1, 0, 1));
  return d;
}

/**
 * ConsultazioneISEE v2.8 through PDND: the voucher (cached), the tracking evidence of who asks and why,
 * the SOAP request with a timeout and our correlation id; every call, whatever its outcome, written to
 * the append-only register (operator, codice fiscale, prestazione, protocol of the istanza, purpose,
 * outcome, duration).
 */
export class InpsIseeClient {
  constructor(
    private readonly config: ConfigurazioneInpsIsee,
    private readonly voucher: VoucherPdnd,
    private readonly dataSource: DataSource,
    private readonly adesso: () => Date = () => new Date(),
  ) {}

  indicatore(tipo: TipoIndicatore, ricerca: RicercaCF, c: ContestoChiamata): Promise<EsitoChiamataIsee> {
    return this.chiama('ConsultazioneIndicatore', richiestaIndicatore(tipo, ricerca), ricerca, c);
  }

  attestazione(ricerca: RicercaCF, c: ContestoChiamata): Promise<EsitoChiamataIsee> {
    return this.chiama('ConsultazioneAttestazione', richiestaAttestazione(ricerca), ricerca, c);
  }

  private async chiama(
    operazione: OperazioneIsee,
    xml: string,
    ricerca: RicercaCF,
    c: ContestoChiamata,
  ): Promise<EsitoChiamataIsee> {
    const base = {
      correlationId: c.correlationId,
      consultazioneId: c.consultazioneId,
      operatore: c.tracciamento.operatore,
      codiceFiscale: ricerca.codiceFiscale,
      prestazione: ricerca.prestazione,
      protocolloIstanza: c.protocolloIstanza,
      purposeId: this.config.purposeId,
      finalita: `${c.tracciamento.finalita}: ${c.tracciamento.motivo}`,
    };
    const registra = (r: Omit<ChiamataRegistrata, keyof typeof base>) =>
      registraChiamata(this.dataSource.manager, { ...base, ...r });

    let token: string;
    try {
      const v = await this.voucher.voucher(this.config.purposeId, c.correlationId);
      if (!v.dallaCache)
        await registra({
          sistema: 'PDND',
          operazione: 'voucher',
          esito: 'OK',
          httpStatus: 200,
          durataMs: v.durataMs,
        });
      token = v.token;
    } catch (e) {
      if (!(e instanceof VoucherNonOttenuto)) throw e;
      await registra({
        sistema: 'PDND',
        operazione: 'voucher',
        esito: e.esito,
        httpStatus: e.httpStatus,
        durataMs: e.durataMs,
      });
      return e.esito === 'HTTP_429'
        ? { tipo: 'rinvia', esito: 'HTTP_429', finoA: new Date(this.adesso().getTime() + 60_000) }
        : { tipo: 'riprova', esito: e.esito };
    }
    const evidenza = await this.voucher.evidenzaTracciamento(
      this.config.purposeId,
      this.config.audience,
      c.tracciamento,
    );

    let status: number | null = null;
    let durataMs = 0;
    let esito: EsitoChiamataIsee;
    try {
      const risposta = await postHttp(
        {
          sistema: 'INPS',
          operazione,
          url: this.config.url,
          headers: {
            'Content-Type': 'text/xml; charset=utf-8',
            SOAPAction: `"${SOAP_ACTION[operazione]}"`,
            Authorization: `Bearer ${token}`,
            'Agid-JWT-TrackingEvidence': evidenza,
          },
          body: xml,
          timeoutMs: this.config.timeoutMs,
          correlationId: c.correlationId,
        },
        (r) => this.classifica(operazione, r.status, r.body, r.headers).etichetta,
      );
      status = risposta.status;
      durataMs = risposta.durataMs;
      if (status === 401) this.voucher.dimentica(this.config.purposeId);
      esito = this.classifica(operazione, risposta.status, risposta.body, risposta.headers).esito;
    } catch (e) {
      if (!(e instanceof ChiamataNonRiuscita)) throw e;
      durataMs = e.durataMs;
      esito = { tipo: 'riprova', esito: e.esito };
    }
    await registra({
      sistema: 'INPS',
      operazione,
      esito: esito.tipo === 'risposta' ? esito.risposta.esito : esito.esito,
      httpStatus: status,
      durataMs,
    });
    return esito;
  }

  /** The answer's meaning, and its label for the metric. */
  private classifica(
    operazione: OperazioneIsee,
    status: number,
    body: string,
    headers: Headers,
  ): { esito: EsitoChiamataIsee; etichetta: string } {
    if (status === 429) {
      const dopo = Number(headers.get('retry-after'));
      const limite = /LIMITE_GIORNALIERO/.test(body);
      const finoA = limite
        ? domani(this.adesso())
        : new Date(this.adesso().getTime() + (Number.isFinite(dopo) && dopo > 0 ? dopo * 1000 : 60_000));
      const e = limite ? 'LIMITE_GIORNALIERO' : 'HTTP_429';
      return { esito: { tipo: 'rinvia', esito: e, finoA }, etichetta: e };
    }
    try {
      const risposta = leggiRisposta(operazione, body);
      if (RITENTABILI.has(risposta.esito))
        return { esito: { tipo: 'riprova', esito: risposta.esito }, etichetta: risposta.esito };
      return { esito: { tipo: 'risposta', risposta }, etichetta: risposta.esito };
    } catch (e) {
      if (!(e instanceof RispostaNonLeggibile)) throw e;
      // The daily limit may come as a dedicated SOAP fault too.
      if (e.faultCode === 'LIMITE_GIORNALIERO' || /LIMITE_GIORNALIERO/.test(e.message))
        return {
          esito: { tipo: 'rinvia', esito: 'LIMITE_GIORNALIERO', finoA: domani(this.adesso()) },
          etichetta: 'LIMITE_GIORNALIERO',
        };
      const etichetta =
        status >= 500 ? `HTTP_${status}` : status === 200 ? 'RISPOSTA_NON_LEGGIBILE' : `HTTP_${status}`;
      return { esito: { tipo: 'riprova', esito: etichetta }, etichetta };
    }
  }
}
