import { DescrizioneClasse } from '../../common/schema-decorators';
import {
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
} from 'class-validator';
import { ISO_DATE_PATTERN, ISTAT_PATTERN } from '../../accesso/v1/persona.dto';
import { URGENZE, type Urgenza } from '../../accesso/v1/vocabolari';
import { Annidato, Centesimi, Descrizione, Intero, Nullable } from '../../common/schema-decorators';
import { ESITI_OBIETTIVO, type EsitoObiettivo } from './monitoraggio.dto';
import { MappaInteri } from './schema';
import { ImputazioneBudgetV1, SospensioneInterventoV1 } from './progetto.dto';
import {
  FONTI_FINANZIAMENTO,
  MOTIVI_CHIUSURA,
  ORIGINI_PROPOSTA,
  type FonteFinanziamento,
  type MotivoChiusura,
  type OrigineProposta,
} from './vocabolari';

/**
 * Events carry identifiers and territory, not who the person is: a consumer that needs personal data
 * asks the service (and is audited). Payloads are versioned: a breaking change adds a v2 beside v1.
 */

/** `evt.presa-in-carico.cartella.aperta.v1`: a proposta entered the queue of a sub-ambito. */
export class CartellaApertaV1 {
  @IsUUID()
  cartellaId: string;

  @IsUUID()
  propostaId: string;

  @IsString()
  subAmbito: string;

  @Matches(ISTAT_PATTERN)
  comuneResidenza: string;

  @IsIn(ORIGINI_PROPOSTA)
  origine: OrigineProposta;

  @Nullable()
  @IsUUID()
  accessoId: string | null;

  @Nullable()
  @IsIn(URGENZE)
  urgenza: Urgenza | null;

  @Intero({ min: 1 })
  episodio: number;

  /** False when the person already had a cartella (reused or reopened). */
  @IsBoolean()
  @Descrizione('Falso se la persona aveva già una cartella (riusata o riaperta)')
  nuova: boolean;
}

/** `evt.presa-in-carico.cartella.assegnata.v1` */
export class CartellaAssegnataV1 {
  @IsUUID()
  cartellaId: string;

  @IsString()
  subAmbito: string;

  @Matches(ISTAT_PATTERN)
  comuneResidenza: string;

  @IsString()
  caseManagerId: string;

  /** The previous case manager on a reassignment. */
  @Nullable()
  @IsString()
  @Descrizione('Il case manager precedente, in una riassegnazione')
  precedenteCaseManagerId: string | null;
}

/** `evt.presa-in-carico.cartella.chiusa.v1` */
export class CartellaChiusaV1 {
  @IsUUID()
  cartellaId: string;

  /** Added in place (optional): consumers of v1 that do not know it keep working. */
  @IsOptional()
  @Nullable()
  @IsUUID()
  @Descrizione('La persona dell’anagrafe di accesso, se la cartella la conosce')
  personaId?: string | null;

  @IsString()
  subAmbito: string;

  @Matches(ISTAT_PATTERN)
  comuneResidenza: string;

  @IsIn(MOTIVI_CHIUSURA)
  motivo: MotivoChiusura;

  @Intero({ min: 1 })
  episodio: number;
}

/** `evt.presa-in-carico.valutazione.completata.v1`: with the scores other services need (ADL, IADL, SINA). */
export class ValutazioneCompletataV1 {
  @IsUUID()
  valutazioneId: string;

  @IsUUID()
  cartellaId: string;

  @IsString()
  subAmbito: string;

  @Matches(ISTAT_PATTERN)
  comuneResidenza: string;

  @IsString()
  strumento: string;

  @Intero({ min: 1 })
  versione: number;

  @Matches(ISO_DATE_PATTERN)
  data: string;

  @Nullable()
  @Intero()
  punteggio: number | null;

  @Nullable()
  @Intero()
  punteggioMax: number | null;

  @MappaInteri('Codice della voce → valore scelto')
  risposte: Record<string, number>;

  /** Added in place (optional): consumers of v1 that do not know it keep working. */
  @IsOptional()
  @Nullable()
  @IsUUID()
  @Descrizione('La persona dell’anagrafe di accesso, se la cartella la conosce')
  personaId?: string | null;

  /** Added in place (optional): consumers of v1 that do not know it keep working. */
  @IsOptional()
  @IsObject()
  @Descrizione('Codice della voce → codici scelti, per le voci multiple (es. SINA InvaliditaCivile)')
  risposteMultiple?: Record<string, string[]>;
}

/** One intervento of a project decision: what budget needs to commit funds. */
@DescrizioneClasse('Intervento del progetto (costo e fonte)')
export class InterventoDecisioneV1 {
  @IsString()
  codicePrestazione: string;

  @Centesimi()
  costoCentesimi: number;

  @IsIn(FONTI_FINANZIAMENTO)
  fonteFinanziamento: FonteFinanziamento;

  /** Fund, line and annualità of the budget (a code each); null for money from outside it. Optional: added later in v1. */
  @IsOptional()
  @Nullable()
  @Annidato(() => ImputazioneBudgetV1)
  imputazione?: ImputazioneBudgetV1 | null;
}

/** `evt.presa-in-carico.progetto.proposto.v1` / `.approvato.v1` / `.respinto.v1` */
export class ProgettoDecisioneV1 {
  @IsUUID()
  progettoId: string;

  @IsUUID()
  cartellaId: string;

  /** Added in place (optional): consumers of v1 that do not know it keep working. */
  @IsOptional()
  @Nullable()
  @IsUUID()
  @Descrizione('La persona dell’anagrafe di accesso, se la cartella la conosce')
  personaId?: string | null;

  @Intero({ min: 1 })
  versione: number;

  @IsString()
  subAmbito: string;

  @Matches(ISTAT_PATTERN)
  comuneResidenza: string;

  @Matches(ISO_DATE_PATTERN)
  dataInizio: string;

  @Matches(ISO_DATE_PATTERN)
  dataFine: string;

  @Annidato(() => InterventoDecisioneV1, { lista: true })
  interventi: InterventoDecisioneV1[];

  @Centesimi()
  costoTotaleCentesimi: number;

  @Nullable()
  @IsString()
  motivazione: string | null;
}

@DescrizioneClasse('Esito di un obiettivo alla verifica')
export class EsitoVerificaRegistrataV1 {
  @Intero({ min: 0 })
  @Descrizione('Posizione dell’obiettivo nel progetto (da 0)')
  obiettivo: number;

  @IsIn(ESITI_OBIETTIVO)
  esito: EsitoObiettivo;
}

/** `evt.presa-in-carico.verifica.registrata.v1`: a verifica of the approved project against its obiettivi. */
export class VerificaRegistrataV1 {
  @IsUUID()
  verificaId: string;

  @IsUUID()
  progettoId: string;

  @IsUUID()
  cartellaId: string;

  @IsString()
  subAmbito: string;

  @Matches(ISTAT_PATTERN)
  comuneResidenza: string;

  @Matches(ISO_DATE_PATTERN)
  data: string;

  @Annidato(() => EsitoVerificaRegistrataV1, { lista: true })
  esiti: EsitoVerificaRegistrataV1[];
}

/** `evt.presa-in-carico.cartella.trasferita.v1`: change of residence; another équipe (and Comune) takes over. */
export class CartellaTrasferitaV1 {
  @IsUUID()
  cartellaId: string;

  @IsString()
  daSubAmbito: string;

  @IsString()
  aSubAmbito: string;

  @Matches(ISTAT_PATTERN)
  daComune: string;

  @Matches(ISTAT_PATTERN)
  aComune: string;

  @Intero({ min: 1 })
  episodio: number;
}

/** `evt.presa-in-carico.progetto.revisionato.v1`: an approved revision replaced the version in force. */
export class ProgettoRevisionatoV1 {
  @IsUUID()
  cartellaId: string;

  @IsUUID()
  progettoId: string;

  @Intero({ min: 1 })
  versione: number;

  @Intero({ min: 1 })
  versioneSostituita: number;

  @IsString()
  subAmbito: string;

  @Matches(ISTAT_PATTERN)
  comuneResidenza: string;
}

/**
 * `evt.presa-in-carico.nucleo.aggiornato.v1`: the nucleo familiare of a cartella changed (a birth, a
 * death, someone moving in or out, a new caregiver). Counts only: who they are stays in the cartella.
 */
export class NucleoAggiornatoV1 {
  @IsUUID()
  cartellaId: string;

  @Intero({ min: 1 })
  episodio: number;

  @IsString()
  subAmbito: string;

  @Matches(ISTAT_PATTERN)
  comuneResidenza: string;

  @Intero({ min: 0 })
  @Descrizione('Componenti del nucleo')
  componenti: number;

  @Intero({ min: 0 })
  @Descrizione('Componenti conviventi')
  conviventi: number;

  @Intero({ min: 0 })
  @Descrizione('Componenti che si prendono cura della persona (caregiver familiari)')
  caregiver: number;
}

/** What an approved version of the progetto changed of an intervento from the misure. */
export const MODIFICHE_INTERVENTO_MISURA = [
  'terminato',
  'fine-modificata',
  'sospensione-modificata',
] as const;
export type ModificaInterventoMisura = (typeof MODIFICHE_INTERVENTO_MISURA)[number];

/**
 * `evt.presa-in-carico.progetto.intervento-misura-modificato.v1`: an approved version of the progetto
 * ended an intervento linked to a beneficio of misure (left it out), changed its last day or its
 * suspension (issue 10, point 1: the change flows back to the beneficio). It states what the progetto
 * in force now says of the intervento (its last day, its suspension), not a difference: a consumer
 * applies it again with the same result, and ignores a version older than one it applied.
 */
@DescrizioneClasse('Intervento da misure cambiato da una versione approvata del progetto')
export class InterventoMisuraModificatoV1 {
  @IsUUID()
  progettoId: string;

  @IsUUID()
  cartellaId: string;

  @Nullable()
  @IsUUID()
  @Descrizione('La persona dell’anagrafe di accesso, se la cartella la conosce')
  personaId: string | null;

  @Intero({ min: 1 })
  @Descrizione('La versione approvata del progetto')
  versione: number;

  @IsString()
  subAmbito: string;

  @Matches(ISTAT_PATTERN)
  comuneResidenza: string;

  @IsUUID()
  @Descrizione('L’intervento da misure della cartella')
  interventoMisuraId: string;

  @IsUUID()
  @Descrizione('L’impegno della concessione (con l’istanza, identifica il beneficio)')
  impegnoId: string;

  @IsUUID()
  istanzaId: string;

  @Nullable()
  @IsUUID()
  @Descrizione('Il beneficio di misure, se già noto alla cartella')
  beneficioId: string | null;

  @IsArray()
  @ArrayMinSize(1)
  @IsIn(MODIFICHE_INTERVENTO_MISURA, { each: true })
  @Descrizione('Che cosa la versione ha cambiato: terminato, fine-modificata, sospensione-modificata')
  modifiche: ModificaInterventoMisura[];

  @Matches(ISO_DATE_PATTERN)
  @Descrizione(
    'Ultimo giorno dell’intervento nel progetto in vigore (terminato: il giorno prima della versione)',
  )
  al: string;

  @Nullable()
  @Annidato(() => SospensioneInterventoV1)
  @Descrizione('La sospensione che il progetto in vigore stabilisce; null se nessuna')
  sospensione: SospensioneInterventoV1 | null;

  @Nullable()
  @IsString()
  @Descrizione('La motivazione della decisione del Comune, se data')
  motivazione: string | null;
}
