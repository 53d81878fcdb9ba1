import type { DatiIstanzaV1, ParametriRegoleV1, ValutazioneIstanzaV1 } from '@ambito/contracts';

/** What one evaluation reads besides the rule set: the istanza's inputs and its dates. */
export interface InputValutazione {
  dati: DatiIstanzaV1;
  /** The strumento applied for (a code of the rule set's strumenti). */
  strumento: string;
  /** Day of presentation (AAAA-MM-GG): age and ISEE validity are judged on it. */
  dataRiferimento: string;
  /** Months the avviso covers: the total of a monthly strumento. */
  mesi: number;
}

/** The rule set as the evaluation needs it: its id (recorded) and parameters. */
export interface RegoleApplicate {
  id: string;
  parametri: ParametriRegoleV1;
}

/**
 * Evaluates one istanza with one rule set: every rule with its outcome and Italian reason, the overall
 * esito, area, amount and ordering keys. Pure and deterministic: the same snapshot and rule set give
 * the same result (the istruttoria is reproducible).
 *
 * PLACEHOLDER until the rules engine lands (lane misure-regole): the signature is the contract.
 */
export function valutaIstanza(input: InputValutazione, regole: RegoleApplicate): ValutazioneIstanzaV1 {
  throw new Error(`valutaIstanza non ancora implementata (${regole.id}, ${input.strumento})`);
}
