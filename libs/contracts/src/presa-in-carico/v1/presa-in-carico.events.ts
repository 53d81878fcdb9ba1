import type { Urgenza } from '../../accesso/v1/vocabolari';
import type { MotivoChiusura, OrigineProposta } from './vocabolari';

/**
 * Events carry identifiers and territory, not who the person is: a consumer that needs personal data
 * asks the service (and is audited). Payloads are versioned: a breaking change adds a v2 beside v1.
 */

/** `evt.presa-in-carico.cartella.aperta.v1`: a proposta entered the queue of a sub-ambito. */
export interface CartellaApertaV1 {
  cartellaId: string;
  propostaId: string;
  subAmbito: string;
  comuneResidenza: string;
  origine: OrigineProposta;
  accessoId: string | null;
  urgenza: Urgenza | null;
  episodio: number;
  /** False when the person already had a cartella (reused or reopened). */
  nuova: boolean;
}

/** `evt.presa-in-carico.cartella.assegnata.v1` */
export interface CartellaAssegnataV1 {
  cartellaId: string;
  subAmbito: string;
  comuneResidenza: string;
  caseManagerId: string;
  /** The previous case manager on a reassignment. */
  precedenteCaseManagerId: string | null;
}

/** `evt.presa-in-carico.cartella.chiusa.v1` */
export interface CartellaChiusaV1 {
  cartellaId: string;
  subAmbito: string;
  comuneResidenza: string;
  motivo: MotivoChiusura;
  episodio: number;
}

/** `evt.presa-in-carico.valutazione.completata.v1`: with the scores other services need (ADL, IADL, SINA). */
export interface ValutazioneCompletataV1 {
  valutazioneId: string;
  cartellaId: string;
  subAmbito: string;
  comuneResidenza: string;
  strumento: string;
  versione: number;
  data: string;
  punteggio: number | null;
  punteggioMax: number | null;
  risposte: Record<string, number>;
}

/** `evt.presa-in-carico.progetto.proposto.v1` / `.approvato.v1` / `.respinto.v1` */
export interface ProgettoDecisioneV1 {
  progettoId: string;
  cartellaId: string;
  versione: number;
  subAmbito: string;
  comuneResidenza: string;
  dataInizio: string;
  dataFine: string;
  interventi: { codicePrestazione: string; costoCentesimi: number; fonteFinanziamento: string }[];
  costoTotaleCentesimi: number;
  motivazione: string | null;
}

/** `evt.presa-in-carico.verifica.registrata.v1`: a verifica of the approved project against its obiettivi. */
export interface VerificaRegistrataV1 {
  verificaId: string;
  progettoId: string;
  cartellaId: string;
  subAmbito: string;
  comuneResidenza: string;
  data: string;
  esiti: { obiettivo: number; esito: 'raggiunto' | 'parzialmente-raggiunto' | 'non-raggiunto' }[];
}

/** `evt.presa-in-carico.cartella.trasferita.v1`: change of residence; another équipe (and Comune) takes over. */
export interface CartellaTrasferitaV1 {
  cartellaId: string;
  daSubAmbito: string;
  aSubAmbito: string;
  daComune: string;
  aComune: string;
  episodio: number;
}

/** `evt.presa-in-carico.progetto.revisionato.v1`: an approved revision replaced the version in force. */
export interface ProgettoRevisionatoV1 {
  cartellaId: string;
  progettoId: string;
  versione: number;
  versioneSostituita: number;
  subAmbito: string;
  comuneResidenza: string;
}
