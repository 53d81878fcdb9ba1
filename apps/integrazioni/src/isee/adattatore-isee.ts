import type { DataSource } from 'typeorm';
import type { IntegrazioniConfig } from '../config/integrazioni-config';
import { configurazionePdnd } from '../pdnd/pdnd.config';
import { VoucherPdnd } from '../pdnd/voucher';
import { ConfigurationError } from '@ambito/service-runtime';
import { InpsIseeClient } from './inps-isee.client';

export const ADATTATORE_ISEE = Symbol('ADATTATORE_ISEE');

/** The queue's timings and limits for this ambito. */
export interface ConfigCodaIsee {
  prestazione: string;
  /** Istanze presented before this instant (ms) are not verified; 0: all. */
  dal: number;
  timeoutMs: number;
  tentativi: number;
  backoffMs: number;
  intervalloMs: number;
  rinvioMs: number;
  turniMassimi: number;
  circuitoSoglia: number;
  circuitoPausaMs: number;
}

/** The INPS ISEE adapter of this ambito: `client` null when switched off (INPS_ISEE_ATTIVO=no). */
export interface AdattatoreIsee {
  client: InpsIseeClient | null;
  config: ConfigCodaIsee;
}

/**
 * Builds the adapter from the environment at start-up: switched on, it needs the PDND client and the
 * e-service's endpoint, purpose and audience, or the service refuses to start listing what is missing.
 */
export function adattatoreIsee(config: IntegrazioniConfig, dataSource: DataSource): AdattatoreIsee {
  const coda: ConfigCodaIsee = {
    prestazione: config.INPS_ISEE_PRESTAZIONE,
    dal: config.INPS_ISEE_DAL ? Date.parse(config.INPS_ISEE_DAL) : 0,
    timeoutMs: config.INPS_ISEE_TIMEOUT_MS,
    tentativi: config.INPS_ISEE_TENTATIVI,
    backoffMs: config.INPS_ISEE_BACKOFF_MS,
    intervalloMs: config.INPS_ISEE_CODA_INTERVALLO_MS,
    rinvioMs: config.INPS_ISEE_RINVIO_MS,
    turniMassimi: config.INPS_ISEE_TURNI_MASSIMI,
    circuitoSoglia: config.INPS_ISEE_CIRCUITO_SOGLIA,
    circuitoPausaMs: config.INPS_ISEE_CIRCUITO_PAUSA_MS,
  };
  if (config.INPS_ISEE_ATTIVO !== 'si') return { client: null, config: coda };
  const mancanti = (['INPS_ISEE_URL', 'INPS_ISEE_PURPOSE_ID', 'INPS_ISEE_AUDIENCE'] as const).filter(
    (k) => !config[k],
  );
  if (mancanti.length > 0)
    throw new ConfigurationError(
      `Configurazione non valida:\n${mancanti.map((k) => `  - ${k}: obbligatorio con INPS_ISEE_ATTIVO=si`).join('\n')}`,
    );
  const pdnd = configurazionePdnd(config, 'INPS_ISEE_ATTIVO=si');
  const client = new InpsIseeClient(
    {
      url: config.INPS_ISEE_URL as string,
      purposeId: config.INPS_ISEE_PURPOSE_ID as string,
      audience: config.INPS_ISEE_AUDIENCE as string,
      timeoutMs: config.INPS_ISEE_TIMEOUT_MS,
    },
    new VoucherPdnd(pdnd),
    dataSource,
  );
  return { client, config: coda };
}
