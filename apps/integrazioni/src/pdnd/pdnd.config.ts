import { readFileSync } from 'node:fs';
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { ConfigurationError } from '@ambito/service-runtime';
import type { IntegrazioniConfig } from '../config/integrazioni-config';

const errore = (problemi: string[]) =>
  new ConfigurationError(`Configurazione non valida:\n${problemi.map((p) => `  - ${p}`).join('\n')}`);

/** The ambito's PDND client, as every e-service adapter uses it. */
export interface ConfigurazionePdnd {
  tokenUrl: string;
  audience: string;
  clientId: string;
  kid: string;
  chiave: KeyObject;
  /** The ambito that asks (userLocation of the tracking evidence). */
  ambito: string;
  timeoutMs: number;
}

/**
 * The PDND client of the environment, read once at start-up: the key from PDND_KEY_FILE (a mounted
 * secret) or PDND_KEY, never from the repository. `perche` names the adapter that needs it, for the error.
 */
export function configurazionePdnd(config: IntegrazioniConfig, perche: string): ConfigurazionePdnd {
  const mancanti = (['PDND_TOKEN_URL', 'PDND_AUDIENCE', 'PDND_CLIENT_ID', 'PDND_KID'] as const).filter(
    (k) => !config[k],
  );
  if (!config.PDND_KEY && !config.PDND_KEY_FILE) mancanti.push('PDND_KEY_FILE' as never);
  if (mancanti.length > 0) throw errore(mancanti.map((k) => `${k}: obbligatorio con ${perche}`));
  if (config.PDND_KEY && config.PDND_KEY_FILE)
    throw errore(['PDND_KEY_FILE: non insieme a PDND_KEY, impostarne uno solo']);
  let pem: string;
  try {
    pem = config.PDND_KEY ?? readFileSync(config.PDND_KEY_FILE as string, 'utf8');
  } catch {
    throw errore([`PDND_KEY_FILE: ${config.PDND_KEY_FILE} non leggibile`]);
  }
  let chiave: KeyObject;
  try {
    chiave = createPrivateKey(pem);
  } catch {
    throw errore(['PDND_KEY: non è una chiave privata PEM (PKCS#8 o PKCS#1)']);
  }
  if (chiave.asymmetricKeyType !== 'rsa')
    throw errore(['PDND_KEY: PDND firma le client assertion con chiavi RSA (RS256)']);
  return {
    tokenUrl: config.PDND_TOKEN_URL as string,
    audience: config.PDND_AUDIENCE as string,
    clientId: config.PDND_CLIENT_ID as string,
    kid: config.PDND_KID as string,
    chiave,
    ambito: config.AMBITO_CODICE,
    timeoutMs: config.INPS_ISEE_TIMEOUT_MS,
  };
}
