import type {
  ChiaviOrdinamentoV1,
  DatiIstanzaV1,
  EsitoIstruttoria,
  InputIstruttoriaV1,
  ParametriRegoleV1,
  RegolaValutataV1,
  ValutazioneIstanzaV1,
} from '@ambito/contracts';
import type { Contesto } from './regole/contesto';
import { ddnGruppoAppartamento } from './regole/ddn-gruppo-appartamento';
import { ddnUrgenza, livelloPriorita, punteggioUrgenza } from './regole/ddn-urgenza';
import { disabilita } from './regole/disabilita';
import { domicilio } from './regole/domicilio';
import { fasciaEta, trovaFascia } from './regole/fascia-eta';
import { verificaForma } from './regole/forma';
import { etaCompiuta } from './regole/giorni';
import { importo } from './regole/importo';
import { incompatibilita } from './regole/incompatibilita';
import { attestazioneIsee } from './regole/isee-attestazione';
import { iseeDifformita } from './regole/isee-difformita';
import { iseeSoglia } from './regole/isee-soglia';
import { applicaIseeVerificati } from './regole/isee-verificato';
import { nonSenilita } from './regole/non-senilita';
import { presaInCarico } from './regole/presa-in-carico';
import { presupposto } from './regole/presupposto';
import { proViMacroaree } from './regole/pro-vi-macroaree';
import { residenzaAmbito } from './regole/residenza';
import { sollievo } from './regole/sollievo';
import { strumentoPrevisto } from './regole/strumento';

/** What one evaluation reads besides the rule set: the istanza's inputs and its dates. */
export interface InputValutazione {
  dati: DatiIstanzaV1;
  /** The strumento applied for (a code of the rule set's strumenti). */
  strumento: string;
  /** Day of presentation (AAAA-MM-GG): age and ISEE validity are judged on it. */
  dataRiferimento: string;
  /** Months the avviso covers: the total of a monthly strumento. */
  mesi: number;
  /** ISEE verified at INPS for the istanza (the latest per type): they replace the declared ones. */
  iseeVerificati?: InputIstruttoriaV1['iseeVerificati'];
}

/** The rule set as the evaluation needs it: its id (recorded) and parameters. */
export interface RegoleApplicate {
  id: string;
  parametri: ParametriRegoleV1;
}

type Regola = (c: Contesto) => RegolaValutataV1[];

/** The requirement rules before the ISEE, in the order an operator reads them. */
const PRIMA_DELL_ISEE: readonly Regola[] = [residenzaAmbito, domicilio, fasciaEta, disabilita, nonSenilita];

/** ISEE_PRESENTE and ISEE_VALIDITA come from choosing the attestation (regole/isee-attestazione.ts). */
const DOPO_L_ISEE: readonly Regola[] = [
  iseeSoglia,
  iseeDifformita,
  presaInCarico,
  strumentoPrevisto,
  presupposto,
  incompatibilita,
  sollievo,
  proViMacroaree,
  ddnGruppoAppartamento,
  ddnUrgenza,
];

/** Any non-soddisfatta refuses; else any da-verificare goes to an operator; else admitted. */
export function esitoComplessivo(regole: readonly RegolaValutataV1[]): EsitoIstruttoria {
  if (regole.some((r) => r.esito === 'non-soddisfatta')) return 'non-ammissibile';
  if (regole.some((r) => r.esito === 'da-verificare')) return 'da-verificare';
  return 'ammissibile';
}

/**
 * Evaluates one istanza with one rule set: every rule with its outcome and Italian reason, the overall
 * esito, area, amount and ordering keys. Pure and deterministic: the same snapshot and rule set give
 * the same result (the istruttoria is reproducible). Rule codes: apps/misure/README.md.
 */
export function valutaIstanza(input: InputValutazione, regole: RegoleApplicate): ValutazioneIstanzaV1 {
  verificaForma(input, regole.parametri);
  const { dataRiferimento: giorno } = input;
  // The verified ISEE in place of the declared one (ISEE_VERIFICA_INPS flags where they differ).
  const verifica = applicaIseeVerificati(input.dati, input.iseeVerificati);
  const dati = verifica.dati;
  const parametri = regole.parametri;
  const eta = etaCompiuta(dati.dataNascita, giorno);
  const fascia = trovaFascia(parametri.requisiti.fasce, eta);
  const isee = attestazioneIsee(dati, fascia, parametri.isee, giorno);
  const contesto: Contesto = {
    dati,
    parametri,
    codiceStrumento: input.strumento,
    strumento: parametri.strumenti.find((s) => s.codice === input.strumento) ?? null,
    giorno,
    mesi: input.mesi,
    eta,
    fascia,
    isee: isee.usata,
  };
  const dovuto = importo(contesto);
  const tutte = [
    ...PRIMA_DELL_ISEE.flatMap((r) => r(contesto)),
    ...isee.regole,
    ...verifica.regole,
    ...DOPO_L_ISEE.flatMap((r) => r(contesto)),
    ...dovuto.regole,
  ];
  const esito = esitoComplessivo(tutte);
  const concesso = esito !== 'non-ammissibile';
  const chiavi: ChiaviOrdinamentoV1 = {
    // No valid attestation: null, an istanza is never ranked on an ISEE that does not count.
    iseeCentesimi: isee.usata?.valoreCentesimi ?? null,
    eta: Math.min(eta, 150),
    prioritaGarantita: livelloPriorita(contesto),
    urgenza: punteggioUrgenza(contesto),
  };
  return {
    esito,
    area: fascia?.area ?? null,
    strumento: input.strumento,
    importoMensileCentesimi: concesso ? dovuto.mensileCentesimi : null,
    importoTotaleCentesimi: concesso ? dovuto.totaleCentesimi : null,
    regole: tutte,
    chiavi,
    regoleId: regole.id,
    dataRiferimento: giorno,
  };
}
