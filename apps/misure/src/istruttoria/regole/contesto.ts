import type {
  AttestazioneIseeV1,
  DatiIstanzaV1,
  EsitoRegola,
  FasciaV1,
  ParametriRegoleV1,
  RegolaValutataV1,
  StrumentoMisuraV1,
} from '@ambito/contracts';

/**
 * What every rule of the engine reads: the istanza's data, the rule set's parameters and what the
 * engine derived once (age, band, strumento, the ISEE attestation used). Rules are functions of it and
 * return their evaluated rules; none has side effects.
 */
export interface Contesto {
  dati: DatiIstanzaV1;
  parametri: ParametriRegoleV1;
  /** The strumento code applied for, as given. */
  codiceStrumento: string;
  /** Its definition in the rule set; null when the rule set does not know it. */
  strumento: StrumentoMisuraV1 | null;
  /** Reference day (AAAA-MM-GG): the istanza's presentation. */
  giorno: string;
  /** Months of the avviso: the total of a monthly strumento. */
  mesi: number;
  /** Full years on the reference day. */
  eta: number;
  /** The first age band of the rule set that contains the age; null: none. */
  fascia: FasciaV1 | null;
  /** The ISEE attestation the rules use (valid, of an accepted type); null: none. */
  isee: AttestazioneIseeV1 | null;
}

/** One evaluated rule. */
export const regola = (codice: string, esito: EsitoRegola, motivo: string): RegolaValutataV1 => ({
  codice,
  esito,
  motivo,
});

export const soddisfatta = (codice: string, motivo: string) => regola(codice, 'soddisfatta', motivo);
export const nonSoddisfatta = (codice: string, motivo: string) => regola(codice, 'non-soddisfatta', motivo);
export const daVerificare = (codice: string, motivo: string) => regola(codice, 'da-verificare', motivo);
