import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { ServiceSigningKeyConfig } from '@ambito/messaging';
import { DataServiceConfig, loadConfig } from '@ambito/service-runtime';

const SI_NO = { message: 'si o no' };
const URL_HTTP = /^https?:\/\/\S+$/;

/**
 * The integrazioni service's environment, validated at start-up (every problem listed at once). One
 * deployment serves one ambito (AMBITO_CODICE): each adapter is configured here for it and can be switched
 * off (`…_ATTIVO=no`). Secrets (keys) come from files or the environment, never from the repository.
 *
 * Each adapter keeps its variables in its own section below (INPS ISEE/PDND, SIUSS, GePI): append yours
 * to your section so merges stay unions.
 */
export class IntegrazioniConfig extends DataServiceConfig {
  override HTTP_PORT: number = 3106;

  override DATABASE_SCHEMA: string = 'integrazioni';

  /**
   * The service's own private Ed25519 JWK (issuer `integrazioni`), inline or in the file
   * SERVICE_SIGNING_KEY_FILE: it reads from misure and accesso what a consultation needs
   * (INTEGRAZIONI_CHIAMATE); the SIUSS feed reads benefici, istanze, persone and presa in carico
   * (INTEGRAZIONI_SIUSS_CHIAMATE); the GePI import reads accesso's registry and registers the ADI
   * households in presa in carico (INTEGRAZIONI_GEPI_CHIAMATE); all with its own identity, whose public
   * half the others trust (ACTOR_TRUSTED_KEYS).
   */
  @ServiceSigningKeyConfig('integrazioni')
  SERVICE_SIGNING_KEY?: string;

  @IsOptional()
  @IsString()
  SERVICE_SIGNING_KEY_FILE?: string;

  // ── PDND (voucher for the e-services of INPS): the ambito's client on PDND Interoperabilità ──────────

  /** The PDND authorization server's token endpoint (client credentials with a client assertion). */
  @IsOptional()
  @Matches(URL_HTTP, { message: 'un URL http(s)' })
  PDND_TOKEN_URL?: string;

  /** `aud` of the client assertion (the PDND authorization server, e.g. auth.interop.pagopa.it/client-assertion). */
  @IsOptional()
  @IsString()
  PDND_AUDIENCE?: string;

  /** The ambito's client id on PDND (iss and sub of the client assertion). */
  @IsOptional()
  @IsString()
  PDND_CLIENT_ID?: string;

  /** The kid of the public key the ambito uploaded to PDND. */
  @IsOptional()
  @IsString()
  PDND_KID?: string;

  /** The ambito's private key (PKCS#8 PEM, RSA) for the client assertion: inline, or in PDND_KEY_FILE. */
  @IsOptional()
  @IsString()
  PDND_KEY?: string;

  @IsOptional()
  @IsString()
  PDND_KEY_FILE?: string;

  // ── INPS ConsultazioneISEE v2.8 (through PDND) ───────────────────────────────────────────────────────

  /** `si`: the istanze presented are verified at INPS; `no` (default): the adapter is off. */
  @IsIn(['si', 'no'], SI_NO)
  INPS_ISEE_ATTIVO: 'si' | 'no' = 'no';

  /** The SOAP endpoint of ConsultazioneISEE (https://api.inps.it/pdnd/soap/ConsultazioneISEE/v1). */
  @IsOptional()
  @Matches(URL_HTTP, { message: 'un URL http(s)' })
  INPS_ISEE_URL?: string;

  /** The purposeId (finalità) the ambito registered on PDND for consulting ISEE. */
  @IsOptional()
  @IsString()
  INPS_ISEE_PURPOSE_ID?: string;

  /** `aud` of the tracking evidence: the e-service's audience as published in the PDND catalogue. */
  @IsOptional()
  @IsString()
  INPS_ISEE_AUDIENCE?: string;

  /** The prestazione the consultations name (PrestazioneDaErogare): A1.11, support of domiciliarity. */
  @Matches(/^(A[123]\.[0-9]{2}|Z9\.99)$/, { message: 'un codice PrestazioneDaErogare, es. A1.11' })
  INPS_ISEE_PRESTAZIONE: string = 'A1.11';

  /**
   * Only istanze presented from this instant on are verified (ISO 8601): switching the adapter on does not
   * consult INPS again for the whole archive. Absent: every istanza presented while the adapter is on.
   */
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'un istante ISO 8601, es. 2025-03-01T00:00:00Z' })
  INPS_ISEE_DAL?: string;

  /** Milliseconds before an outgoing call (voucher, SOAP) is abandoned. */
  @IsInt()
  @Min(100)
  @Max(120_000)
  INPS_ISEE_TIMEOUT_MS: number = 10_000;

  /** Attempts within one turn when INPS answers DATABASE_OFFLINE or ERRORE_INTERNO (backoff doubling). */
  @IsInt()
  @Min(1)
  @Max(10)
  INPS_ISEE_TENTATIVI: number = 3;

  /** First backoff between those attempts, in milliseconds. */
  @IsInt()
  @Min(0)
  @Max(60_000)
  INPS_ISEE_BACKOFF_MS: number = 500;

  /** How often the queue of consultations is worked, in milliseconds. */
  @IsInt()
  @Min(50)
  @Max(3_600_000)
  INPS_ISEE_CODA_INTERVALLO_MS: number = 5_000;

  /** Delay before a consultation that INPS refused with 429 (no Retry-After) or left unanswered is retried. */
  @IsInt()
  @Min(0)
  @Max(86_400_000)
  INPS_ISEE_RINVIO_MS: number = 60_000;

  /** Turns after which a consultation still failing is parked as failed (an administrator replays it). */
  @IsInt()
  @Min(1)
  @Max(1000)
  INPS_ISEE_TURNI_MASSIMI: number = 20;

  /** Consecutive failures that open the circuit breaker. */
  @IsInt()
  @Min(1)
  @Max(100)
  INPS_ISEE_CIRCUITO_SOGLIA: number = 5;

  /** Milliseconds the circuit stays open before one trial call. */
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  INPS_ISEE_CIRCUITO_PAUSA_MS: number = 60_000;

  // ── SIUSS (lane integrazioni-siuss): append its variables here ───────────────────────────────────────

  // ── GePI (lane integrazioni-gepi): append its variables here ─────────────────────────────────────────
}

export function loadIntegrazioniConfig(
  env: Record<string, string | undefined> = process.env,
): IntegrazioniConfig {
  return loadConfig(IntegrazioniConfig, env);
}
