import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { GIORNO_ESISTENTE } from '../../common/giorno';
import { TestoMultiriga } from '../../common/input-pulito';
import {
  Annidato,
  Centesimi,
  Descrizione,
  DescrizioneClasse,
  Intero,
  Nullable,
} from '../../common/schema-decorators';
import {
  COMPETENZE_ASSISTENTE,
  GIORNI_SETTIMANA,
  type CompetenzaAssistente,
  type GiornoSettimana,
} from './vocabolari';

/*
 * The sportello's side of the register (issue 11 points 4–6): the richieste of families, the explained
 * matching, the proposals and the two sides' answers, the employment contract and the pre-check of the
 * Bonus assistenti familiari with its printable summary.
 */

/** How much the family needs the assistant to live in. */
export const CONVIVENZE = ['necessaria', 'gradita', 'indifferente'] as const;
export type Convivenza = (typeof CONVIVENZE)[number];

export const ORIGINI_RICHIESTA = ['sportello', 'presa-in-carico'] as const;
export type OrigineRichiesta = (typeof ORIGINI_RICHIESTA)[number];

export const STATI_RICHIESTA = ['aperta', 'soddisfatta'] as const;
export type StatoRichiesta = (typeof STATI_RICHIESTA)[number];

export const STATI_PROPOSTA_ASSISTENTE = ['proposta', 'accettata', 'rifiutata'] as const;
export type StatoPropostaAssistente = (typeof STATI_PROPOSTA_ASSISTENTE)[number];

export const PARTI_PROPOSTA = ['famiglia', 'assistente'] as const;
export type ParteProposta = (typeof PARTI_PROPOSTA)[number];

export const RISPOSTE_PROPOSTA = ['accetta', 'rifiuta'] as const;
export type RispostaProposta = (typeof RISPOSTE_PROPOSTA)[number];

/** Who employs the assistant (and may apply for the Bonus): the person, a family member, AdS or tutore. */
export const DATORI_LAVORO = ['assistito', 'familiare', 'amministratore-sostegno', 'tutore'] as const;
export type DatoreLavoro = (typeof DATORI_LAVORO)[number];

/** Levels of the CCNL del lavoro domestico. */
export const LIVELLI_CCNL = ['A', 'AS', 'B', 'BS', 'C', 'CS', 'D', 'DS'] as const;
export type LivelloCcnl = (typeof LIVELLI_CCNL)[number];

export const CRITERI_ABBINAMENTO = ['competenze', 'disponibilita', 'area', 'lingue', 'convivenza'] as const;
export type CriterioAbbinamento = (typeof CRITERI_ABBINAMENTO)[number];

export const TITOLARI_ISEE = ['assistito', 'familiare'] as const;
export type TitolareIsee = (typeof TITOLARI_ISEE)[number];

export const REQUISITI_BONUS = [
  'richiedente-intestatario',
  'isee',
  'assistente-iscritto',
  'contratto-regolare',
  'residenza-lombardia',
] as const;
export type RequisitoBonus = (typeof REQUISITI_BONUS)[number];

export const ESITI_BONUS = ['accolta', 'respinta'] as const;
export type EsitoBonus = (typeof ESITI_BONUS)[number];

const ORA_INTERA = /^([01]\d|2[0-4]):00$/;
const LINGUA = /^[a-z]{2}$/;
const SEDE = /^[A-Z0-9][A-Z0-9-]{1,59}$/;

export class FasciaOrariaV1 {
  @IsIn(GIORNI_SETTIMANA)
  giorno: GiornoSettimana;

  @Matches(ORA_INTERA, { message: 'dalle: ora intera HH:00' })
  @Descrizione('Inizio, ora intera `HH:00`')
  dalle: string;

  @Matches(ORA_INTERA, { message: 'alle: ora intera HH:00 (fino a 24:00)' })
  @Descrizione('Fine, ora intera `HH:00`, al più `24:00`')
  alle: string;
}

/** What the family needs of an assistant: hours, live-in, competences, languages, from when. */
export class NecessitaAssistenzaV1 {
  @Annidato(() => FasciaOrariaV1, { lista: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(42)
  @Descrizione('Orari settimanali richiesti')
  orari: FasciaOrariaV1[];

  @IsIn(CONVIVENZE)
  @Descrizione('Convivenza: `necessaria` (filtro), `gradita` (punteggio) o `indifferente`')
  convivenza: Convivenza;

  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(COMPETENZE_ASSISTENTE.length)
  @IsIn(COMPETENZE_ASSISTENTE, { each: true })
  @Descrizione('Competenze richieste (demenza, mobilizzazione…)')
  competenze: CompetenzaAssistente[];

  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(COMPETENZE_ASSISTENTE.length)
  @IsIn(COMPETENZE_ASSISTENTE, { each: true })
  @Descrizione('Competenze senza le quali un assistente non è proposto (fra quelle richieste)')
  competenzeIndispensabili: CompetenzaAssistente[];

  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(10)
  @Matches(LINGUA, { each: true, message: 'lingue: codici ISO 639-1 di due lettere minuscole (ro, uk…)' })
  @Descrizione('Lingue gradite oltre all’italiano, codici ISO 639-1')
  lingue: string[];

  @Matches(GIORNO_ESISTENTE, { message: 'dataInizio: data nel formato AAAA-MM-GG' })
  @Descrizione('Da quando serve l’assistente (AAAA-MM-GG)')
  dataInizio: string;

  @IsOptional()
  @Nullable()
  @IsString()
  @MaxLength(2000)
  @TestoMultiriga()
  note?: string | null;
}

/** What the family needs: hours, live-in, competences, languages, where and from when. */
export class BisognoV1 extends NecessitaAssistenzaV1 {
  @IsUUID()
  @Descrizione('La persona assistita (persona dell’accesso)')
  personaId: string;

  @Matches(/^\d{6}$/, { message: 'comune: codice ISTAT di 6 cifre' })
  @Descrizione('Comune dove si presta l’assistenza (ISTAT)')
  comune: string;
}

export class RegistraRichiestaV1 extends BisognoV1 {
  @Matches(SEDE, { message: 'sportello: codice della sede' })
  @Descrizione('Lo sportello che registra la richiesta (codice della sede)')
  sportello: string;
}

/** Who gave the consent to pass the need to the sportello: the person, a family member, the guardian. */
export const CHI_CONSENTE = ['persona', 'familiare', 'amministratore-sostegno', 'tutore'] as const;
export type ChiConsente = (typeof CHI_CONSENTE)[number];

/** The person's consent (or of who represents it) to pass the richiesta to the sportello. */
export class ConsensoRichiestaV1 {
  @IsIn(CHI_CONSENTE)
  @Descrizione('Chi acconsente: la persona, un familiare, l’amministratore di sostegno o il tutore')
  datoDa: ChiConsente;

  @IsOptional()
  @Nullable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @Descrizione('Nome di chi acconsente, se non è la persona stessa')
  nominativo?: string | null;

  @Matches(GIORNO_ESISTENTE, { message: 'consenso.datoIl: data nel formato AAAA-MM-GG' })
  @Descrizione('Quando il consenso è stato dato (AAAA-MM-GG)')
  datoIl: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @Descrizione('Riferimento del consenso raccolto (documento firmato, protocollo)')
  documento: string;
}

/**
 * Presa in carico proposes a richiesta (its service identity only) when a valutazione of the cartella
 * shows the need and the person consented: presa in carico checked both and says which.
 */
export class ProponiRichiestaV1 extends BisognoV1 {
  @IsUUID()
  @Descrizione('La cartella sociale della persona')
  cartellaId: string;

  @IsUUID()
  @Descrizione('La valutazione che mostra il bisogno')
  valutazioneId: string;

  @Matches(GIORNO_ESISTENTE, { message: 'valutazioneDel: data nel formato AAAA-MM-GG' })
  @Descrizione('Data della valutazione che mostra il bisogno')
  valutazioneDel: string;

  @Annidato(() => ConsensoRichiestaV1)
  consenso: ConsensoRichiestaV1;
}

export class LeggiRichiestaV1 {
  @IsUUID()
  id: string;
}

export class RichiestaV1 extends BisognoV1 {
  @IsUUID()
  id: string;

  @IsIn(ORIGINI_RICHIESTA)
  origine: OrigineRichiesta;

  @Nullable()
  @IsUUID()
  cartellaId: string | null;

  @Nullable()
  @IsString()
  @Descrizione(
    'Lo sportello che la tiene: chi l’ha registrata o, per una proposta della presa in carico, lo sportello dell’area della famiglia',
  )
  sportello: string | null;

  @Nullable()
  @IsUUID()
  @Descrizione('La valutazione della presa in carico che mostra il bisogno')
  valutazioneId: string | null;

  @Nullable()
  @Matches(GIORNO_ESISTENTE)
  valutazioneDel: string | null;

  @Nullable()
  @Annidato(() => ConsensoRichiestaV1)
  @Descrizione('Il consenso della persona, per una richiesta della presa in carico')
  consenso: ConsensoRichiestaV1 | null;

  @IsString()
  subAmbito: string;

  @IsNumber()
  oreSettimanali: number;

  @IsIn(STATI_RICHIESTA)
  stato: StatoRichiesta;

  @Nullable()
  @IsUUID()
  contrattoId: string | null;

  @IsString()
  registrataDa: string;

  @IsISO8601()
  registrataIl: string;
}

export class CercaCandidatiV1 {
  @IsUUID()
  id: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limite: numero intero da 1 a 100' })
  @Min(1, { message: 'limite: numero intero da 1 a 100' })
  @Max(100, { message: 'limite: numero intero da 1 a 100' })
  @Descrizione('Quanti candidati al massimo (20 se omesso)')
  limite?: number;
}

export class ParteDelPunteggioV1 {
  @IsIn(CRITERI_ABBINAMENTO)
  criterio: CriterioAbbinamento;

  @IsNumber()
  @Descrizione('Quanto il criterio è soddisfatto, da 0 a 1')
  valore: number;

  @IsNumber()
  @Descrizione('Peso del criterio nella versione dei pesi')
  peso: number;

  @IsNumber()
  @Descrizione('Punti del criterio sul punteggio di 100')
  punti: number;

  @IsString()
  spiegazione: string;
}

export class CandidatoV1 {
  @IsUUID()
  iscrizioneId: string;

  @IsUUID()
  assistenteId: string;

  @IsString()
  nome: string;

  @IsString()
  cognome: string;

  @IsString()
  @Descrizione('Lo sportello che tiene la scheda')
  sportello: string;

  @IsNumber()
  @Descrizione('Punteggio da 0 a 100')
  punteggio: number;

  @Annidato(() => ParteDelPunteggioV1, { lista: true })
  parti: ParteDelPunteggioV1[];
}

export class EsclusiV1 {
  @Intero({ min: 0 })
  areaNonServita: number;

  @Intero({ min: 0 })
  convivenzaNonOfferta: number;

  @Intero({ min: 0 })
  competenzaIndispensabileMancante: number;

  @Intero({ min: 0 })
  disponibilitaInsufficiente: number;
}

@DescrizioneClasse('I candidati per una richiesta, in ordine di punteggio, con le parti del punteggio')
export class CandidatiV1 {
  @IsUUID()
  richiestaId: string;

  @IsString()
  versionePesi: string;

  @Intero({ min: 0 })
  @Descrizione('Schede con iscrizione attiva valutate')
  valutate: number;

  @Annidato(() => EsclusiV1)
  @Descrizione('Schede escluse dai filtri, per motivo')
  esclusi: EsclusiV1;

  @Annidato(() => CandidatoV1, { lista: true })
  candidati: CandidatoV1[];
}

export class ProponiAssistenteV1 {
  @IsUUID()
  richiestaId: string;

  @IsUUID()
  iscrizioneId: string;
}

export class RispondiPropostaV1 {
  @IsUUID()
  id: string;

  @IsIn(PARTI_PROPOSTA)
  parte: ParteProposta;

  @IsIn(RISPOSTE_PROPOSTA)
  risposta: RispostaProposta;

  @IsOptional()
  @Nullable()
  @Matches(GIORNO_ESISTENTE, { message: 'colloquioIl: data nel formato AAAA-MM-GG' })
  @Descrizione('Data del colloquio fra famiglia e assistente, se c’è stato')
  colloquioIl?: string | null;

  @IsOptional()
  @Nullable()
  @IsString()
  @MaxLength(500)
  @TestoMultiriga()
  motivo?: string | null;
}

export class PropostaAssistenteV1 {
  @IsUUID()
  id: string;

  @IsUUID()
  richiestaId: string;

  @IsUUID()
  iscrizioneId: string;

  @IsUUID()
  assistenteId: string;

  @IsNumber()
  punteggio: number;

  @Annidato(() => ParteDelPunteggioV1, { lista: true })
  parti: ParteDelPunteggioV1[];

  @IsString()
  versionePesi: string;

  @IsIn(STATI_PROPOSTA_ASSISTENTE)
  stato: StatoPropostaAssistente;

  @Nullable()
  @IsIn(RISPOSTE_PROPOSTA)
  rispostaFamiglia: RispostaProposta | null;

  @Nullable()
  @IsIn(RISPOSTE_PROPOSTA)
  rispostaAssistente: RispostaProposta | null;

  @Nullable()
  @Matches(GIORNO_ESISTENTE)
  colloquioIl: string | null;

  @Nullable()
  @IsString()
  motivo: string | null;
}

export class RegistraContrattoV1 {
  @IsOptional()
  @Nullable()
  @IsUUID()
  @Descrizione('La richiesta che il contratto soddisfa (con una proposta accettata), se c’è')
  richiestaId?: string | null;

  @IsUUID()
  @Descrizione('La persona assistita')
  personaId: string;

  @IsOptional()
  @Nullable()
  @IsUUID()
  @Descrizione(
    'L’assistente del registro; null se non è iscritto (l’iscrizione non è obbligatoria per lavorare)',
  )
  assistenteId?: string | null;

  @IsIn(DATORI_LAVORO)
  @Descrizione('Chi assume: la persona, un familiare, l’amministratore di sostegno o il tutore')
  datore: DatoreLavoro;

  @IsIn(LIVELLI_CCNL)
  @Descrizione('Livello del CCNL del lavoro domestico')
  livelloCcnl: LivelloCcnl;

  @IsNumber({ maxDecimalPlaces: 1 })
  @Min(1)
  @Max(60)
  oreSettimanali: number;

  @IsBoolean()
  convivente: boolean;

  @Matches(GIORNO_ESISTENTE, { message: 'dataInizio: data nel formato AAAA-MM-GG' })
  dataInizio: string;

  @Centesimi()
  @Min(0)
  @Descrizione('Costo mensile per il datore (retribuzione e contributi), centesimi')
  costoMensileCentesimi: number;

  @IsOptional()
  @Nullable()
  @IsString()
  @MaxLength(60)
  @Descrizione('Protocollo della comunicazione di assunzione all’INPS: un contratto regolare ne ha una')
  comunicazioneInps?: string | null;

  @IsOptional()
  @Nullable()
  @Matches(SEDE, { message: 'sportello: codice della sede' })
  @Descrizione(
    'Lo sportello che tiene il contratto: quello della richiesta se c’è; senza richiesta, quello dell’operatore (da indicare se ne ha più d’uno)',
  )
  sportello?: string | null;
}

export class LeggiContrattoV1 {
  @IsUUID()
  id: string;
}

export class ContrattoV1 extends RegistraContrattoV1 {
  @IsUUID()
  id: string;

  @Nullable()
  @IsUUID()
  declare richiestaId: string | null;

  @Nullable()
  @IsUUID()
  declare assistenteId: string | null;

  @Nullable()
  @IsString()
  declare comunicazioneInps: string | null;

  @Nullable()
  @IsString()
  declare sportello: string | null;

  @IsString()
  registratoDa: string;

  @IsISO8601()
  registratoIl: string;
}

export class IseeBonusV1 {
  @IsIn(TITOLARI_ISEE)
  @Descrizione('Di chi è l’ISEE: dell’assistito o del familiare')
  titolare: TitolareIsee;

  @Centesimi()
  @Min(0)
  valoreCentesimi: number;
}

export class VerificaBonusV1 {
  @IsUUID()
  contrattoId: string;

  @IsIn(DATORI_LAVORO)
  @Descrizione('Chi presenterà la domanda')
  richiedente: DatoreLavoro;

  @Nullable()
  @Annidato(() => IseeBonusV1)
  isee: IseeBonusV1 | null;

  @Nullable()
  @Matches(GIORNO_ESISTENTE, { message: 'residenteInLombardiaDal: data nel formato AAAA-MM-GG' })
  @Descrizione('Da quando il richiedente risiede in Lombardia')
  residenteInLombardiaDal: string | null;

  @Centesimi()
  @Min(0)
  @Descrizione('Spese ammissibili dell’anno (retribuzione e contributi), centesimi')
  speseAmmissibiliCentesimi: number;
}

export class EsitoRequisitoBonusV1 {
  @IsIn(REQUISITI_BONUS)
  requisito: RequisitoBonus;

  @IsBoolean()
  soddisfatto: boolean;

  @IsString()
  spiegazione: string;
}

export class CalcoloBonusV1 {
  @Centesimi()
  speseAmmissibiliCentesimi: number;

  @IsNumber()
  percentualeSpese: number;

  @Centesimi()
  quotaSpeseCentesimi: number;

  @Centesimi()
  massimaleCentesimi: number;

  @Centesimi()
  importoCentesimi: number;
}

export class LeggiVerificaBonusV1 {
  @IsUUID()
  id: string;
}

@DescrizioneClasse(
  'La verifica preliminare del Bonus assistenti familiari, con la versione delle regole usata',
)
export class EsitoVerificaBonusV1 {
  @IsUUID()
  id: string;

  @IsUUID()
  contrattoId: string;

  @Matches(GIORNO_ESISTENTE)
  giorno: string;

  @IsString()
  versioneRegole: string;

  @IsBoolean()
  ammissibile: boolean;

  @Annidato(() => EsitoRequisitoBonusV1, { lista: true })
  requisiti: EsitoRequisitoBonusV1[];

  @Nullable()
  @Annidato(() => CalcoloBonusV1)
  calcolo: CalcoloBonusV1 | null;

  @Nullable()
  @IsIn(ESITI_BONUS)
  @Descrizione('L’esito della Regione, come riferito dalla famiglia')
  esitoRegione: EsitoBonus | null;

  @Nullable()
  @Centesimi()
  importoRiconosciutoCentesimi: number | null;
}

export class RiepilogoBonusPdfV1 {
  @IsString()
  nomeFile: string;

  @IsString()
  @Descrizione('Il PDF, in base64')
  pdfBase64: string;
}

export class RegistraEsitoBonusV1 {
  @IsUUID()
  id: string;

  @IsIn(ESITI_BONUS)
  esito: EsitoBonus;

  @Nullable()
  @Centesimi()
  @Min(0)
  @Descrizione('Importo riconosciuto dalla Regione, centesimi (null se respinta)')
  importoRiconosciutoCentesimi: number | null;

  @Intero({ min: 2015, max: 2100 })
  @Descrizione('Annualità del Bonus')
  annualita: number;
}
