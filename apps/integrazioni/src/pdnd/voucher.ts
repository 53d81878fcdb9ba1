import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { ChiamataNonRiuscita, postHttp } from '../chiamate-esterne/chiamata-http';
import type { ConfigurazionePdnd } from './pdnd.config';

/** Who asks and why: carried by the tracking evidence of each call (Agid-JWT-TrackingEvidence). */
export interface Tracciamento {
  /** The operator on whose behalf the consultation is made. */
  operatore: string;
  /** The declared purpose (FINALITA code) and its text. */
  finalita: string;
  motivo: string;
}

/** PDND did not give a voucher: its outcome for the register (VOUCHER_RIFIUTATO, TIMEOUT…). */
export class VoucherNonOttenuto extends Error {
  constructor(
    readonly esito: string,
    readonly httpStatus: number | null,
    readonly durataMs: number,
  ) {
    super(`voucher PDND non ottenuto: ${esito}`);
  }
}

const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
/** A cached voucher is renewed this long before it expires, so none expires in flight. */
const MARGINE_MS = 30_000;

export interface VoucherOttenuto {
  token: string;
  /** From the cache: no call was made. */
  dallaCache: boolean;
  httpStatus: number | null;
  durataMs: number;
}

/**
 * Vouchers of PDND Interoperabilità (OAuth2 client credentials, RFC 7523 client assertion signed RS256
 * with the ambito's key, `purposeId` in the assertion), one per purpose, cached until shortly before
 * they expire. The tracking evidence of who asks and why is signed apart for every call
 * (`evidenzaTracciamento`), so one voucher serves every operator of the purpose.
 */
export class VoucherPdnd {
  private readonly cache = new Map<string, { token: string; scade: number }>();

  constructor(
    private readonly config: ConfigurazionePdnd,
    private readonly adesso: () => number = Date.now,
  ) {}

  async voucher(purposeId: string, correlationId: string): Promise<VoucherOttenuto> {
    const inCache = this.cache.get(purposeId);
    if (inCache && inCache.scade - MARGINE_MS > this.adesso())
      return { token: inCache.token, dallaCache: true, httpStatus: null, durataMs: 0 };
    const assertion = await this.firma({ purposeId }, this.config.audience);
    const body = new URLSearchParams({
      client_id: this.config.clientId,
      client_assertion: assertion,
      client_assertion_type: CLIENT_ASSERTION_TYPE,
      grant_type: 'client_credentials',
    }).toString();
    let risposta;
    try {
      risposta = await postHttp({
        sistema: 'PDND',
        operazione: 'voucher',
        url: this.config.tokenUrl,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        body,
        timeoutMs: this.config.timeoutMs,
        correlationId,
      });
    } catch (e) {
      if (e instanceof ChiamataNonRiuscita) throw new VoucherNonOttenuto(e.esito, null, e.durataMs);
      throw e;
    }
    if (risposta.status !== 200)
      throw new VoucherNonOttenuto(
        risposta.status === 429 ? 'HTTP_429' : 'VOUCHER_RIFIUTATO',
        risposta.status,
        risposta.durataMs,
      );
    const json = JSON.parse(risposta.body) as { access_token?: unknown; expires_in?: unknown };
    if (typeof json.access_token !== 'string' || typeof json.expires_in !== 'number')
      throw new VoucherNonOttenuto('VOUCHER_NON_VALIDO', risposta.status, risposta.durataMs);
    this.cache.set(purposeId, { token: json.access_token, scade: this.adesso() + json.expires_in * 1000 });
    return { token: json.access_token, dallaCache: false, httpStatus: 200, durataMs: risposta.durataMs };
  }

  /** Forgets a voucher the e-service refused (401): the next call asks PDND again. */
  dimentica(purposeId: string): void {
    this.cache.delete(purposeId);
  }

  /**
   * The Agid-JWT-TrackingEvidence of one call: who asks (userID, the operator), from where (userLocation,
   * the ambito), why (purposeId, and our FINALITA code and text), signed with the ambito's key.
   */
  evidenzaTracciamento(purposeId: string, audience: string, t: Tracciamento): Promise<string> {
    return this.firma(
      {
        purposeId,
        userID: t.operatore,
        userLocation: this.config.ambito,
        LoA: 'substantial',
        finalita: t.finalita,
        motivo: t.motivo,
      },
      audience,
    );
  }

  private firma(claims: Record<string, unknown>, audience: string): Promise<string> {
    const iat = Math.floor(this.adesso() / 1000);
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: this.config.kid, typ: 'JWT' })
      .setIssuer(this.config.clientId)
      .setSubject(this.config.clientId)
      .setAudience(audience)
      .setJti(randomUUID())
      .setIssuedAt(iat)
      .setExpirationTime(iat + 300)
      .sign(this.config.chiave);
  }
}
