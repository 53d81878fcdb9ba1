import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { PaginazioneV1 } from '../../common/pagination';
import { CODICE_FISCALE_PATTERN, ISO_DATE_PATTERN, ISTAT_PATTERN } from '../../accesso/v1/persona.dto';
import { SESSI, URGENZE, type Sesso, type Urgenza } from '../../accesso/v1/vocabolari';
import { ESITI_AUDIT, type EsitoAudit } from '../../accesso/v1/audit.dto';
import type { ProgettoV1 } from './progetto.dto';
import type { ValutazioneV1 } from './valutazione.dto';
import {
  MOTIVI_CHIUSURA,
  ORIGINI_APERTURA_DIRETTA,
  STATI_CARTELLA,
  TIPI_VOCE_DIARIO_MANUALE,
  type MotivoChiusura,
  type OrigineProposta,
  type StatoCartella,
  type StatoProposta,
  type TipoVoceDiario,
  type TipoVoceDiarioManuale,
} from './vocabolari';

export class PersonaCartellaV1 {
  @IsString()
  @Matches(CODICE_FISCALE_PATTERN, { message: 'codice fiscale: 16 caratteri alfanumerici o 11 cifre' })
  codiceFiscale: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  cognome: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  nome: string;

  @Matches(ISO_DATE_PATTERN, { message: 'dataNascita: formato AAAA-MM-GG' })
  dataNascita: string;

  @IsIn(SESSI)
  sesso: Sesso;

  /** ISTAT code of the comune of residence: it decides the sub-ambito and the comune that decides. */
  @Matches(ISTAT_PATTERN, { message: 'comuneResidenza: codice ISTAT di 6 cifre' })
  comuneResidenza: string;
}

/** Direct opening: a specialist service's report, a court mandate, a hospital discharge. */
export class ApriCartellaV1 {
  @ValidateNested()
  @Type(() => PersonaCartellaV1)
  persona: PersonaCartellaV1;

  @IsIn(ORIGINI_APERTURA_DIRETTA, {
    message:
      'origine: segnalazione-servizio-specialistico, mandato-autorita-giudiziaria o dimissione-protetta',
  })
  origine: Exclude<OrigineProposta, 'accesso'>;

  /** Who sent the case (e.g. "Tribunale per i Minorenni di Brescia", "ASST Crema – reparto di medicina"). */
  @IsString()
  @IsNotEmpty({ message: 'inviante: obbligatorio' })
  @MaxLength(200)
  inviante: string;

  @IsString()
  @IsNotEmpty({ message: 'motivazione: obbligatoria' })
  @MaxLength(4000)
  motivazione: string;

  @IsIn(URGENZE, { message: 'urgenza: ordinaria, prioritaria o urgente' })
  urgenza: Urgenza;
}

export class AssegnaCartellaV1 {
  @IsUUID()
  id: string;

  /** User id of the assistente sociale of the sub-ambito's équipe who becomes case manager. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  caseManagerId: string;

  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string;
}

export const RELAZIONI_NUCLEO = [
  'coniuge',
  'unito-civilmente',
  'convivente',
  'figlio',
  'genitore',
  'fratello-sorella',
  'nonno-nonna',
  'nipote',
  'altro-parente',
  'tutore',
  'amministratore-di-sostegno',
  'altro',
] as const;
export type RelazioneNucleo = (typeof RELAZIONI_NUCLEO)[number];

export class MembroNucleoV1 {
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  cognome: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  nome: string;

  @IsOptional()
  @IsString()
  @Matches(CODICE_FISCALE_PATTERN, { message: 'codice fiscale: 16 caratteri alfanumerici o 11 cifre' })
  codiceFiscale?: string;

  @IsOptional()
  @Matches(ISO_DATE_PATTERN, { message: 'dataNascita: formato AAAA-MM-GG' })
  dataNascita?: string;

  /** Relationship to the person the cartella is about. */
  @IsIn(RELAZIONI_NUCLEO)
  relazione: RelazioneNucleo;

  @IsBoolean()
  convivente: boolean;

  /** Takes care of the person (caregiver familiare). */
  @IsBoolean()
  caregiver: boolean;
}

/** The nucleo familiare of the person: replaces the current composition (the diario keeps the change). */
export class AggiornaNucleoV1 {
  @IsUUID()
  id: string;

  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => MembroNucleoV1)
  membri: MembroNucleoV1[];
}

/** The équipe members working the case besides its case manager (replaces the current list). */
export class AssegnaEquipeCasoV1 {
  @IsUUID()
  id: string;

  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  membri: string[];
}

export class ChiudiCartellaV1 {
  @IsUUID()
  id: string;

  @IsIn(MOTIVI_CHIUSURA, {
    message: 'motivo: obiettivi-raggiunti, trasferimento, decesso, rinuncia o passaggio-altro-servizio',
  })
  motivo: MotivoChiusura;

  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string;
}

/** Change of residence: a comune of another sub-ambito moves the case to that équipe, with its history. */
export class TrasferisciCartellaV1 {
  @IsUUID()
  id: string;

  @Matches(ISTAT_PATTERN, { message: 'comuneResidenza: codice ISTAT di 6 cifre' })
  comuneResidenza: string;

  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string;
}

/** The audit log of the cartelle, for the administrator (data subject requests, DPO). */
export class ElencaAuditCartelleV1 extends PaginazioneV1 {
  @IsOptional()
  @IsUUID()
  cartellaId?: string;

  @IsOptional()
  @IsString()
  utente?: string;

  @IsOptional()
  @IsIn(ESITI_AUDIT)
  esito?: EsitoAudit;
}

export interface VoceAuditCartellaV1 {
  id: string;
  il: string;
  utente: string;
  ruoli: string[];
  azione: string;
  risorsa: string;
  risorsaId: string | null;
  cartellaId: string | null;
  motivo: string | null;
  esito: EsitoAudit;
  codiceErrore: string | null;
  correlationId: string | null;
}

export class LeggiCartellaV1 {
  @IsUUID()
  id: string;
}

export class ElencaCartelleV1 extends PaginazioneV1 {
  @IsOptional()
  @IsIn(STATI_CARTELLA)
  stato?: StatoCartella;

  @IsOptional()
  @IsString()
  subAmbito?: string;

  @IsOptional()
  @Matches(ISTAT_PATTERN)
  comune?: string;

  @IsOptional()
  @IsString()
  caseManager?: string;
}

export class AnnotaDiarioV1 {
  @IsUUID()
  id: string;

  @IsIn(TIPI_VOCE_DIARIO_MANUALE, {
    message: 'tipo: colloquio, visita-domiciliare, contatto, documento o nota',
  })
  tipo: TipoVoceDiarioManuale;

  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  testo: string;
}

export class LeggiDiarioV1 {
  @IsUUID()
  id: string;
}

export const PROFESSIONI = [
  'assistente-sociale',
  'educatore',
  'pedagogista',
  'psicologo',
  'amministrativo',
  'altro',
] as const;
export type Professione = (typeof PROFESSIONI)[number];

/** The coordinator registers a member of its sub-ambito's équipe. */
export class RegistraMembroEquipeV1 {
  @IsString()
  @IsNotEmpty()
  subAmbito: string;

  /** User id (the token's `sub`). */
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  userId: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  nome: string;

  @IsIn(PROFESSIONI)
  professione: Professione;
}

export class ElencaEquipeV1 {
  @IsString()
  @IsNotEmpty()
  subAmbito: string;
}

export interface MembroEquipeV1 {
  subAmbito: string;
  userId: string;
  nome: string;
  professione: Professione;
  registratoIl: string;
}

export class ConteggiCartelleV1 {
  @IsOptional()
  @IsString()
  subAmbito?: string;
}

export interface PropostaV1 {
  id: string;
  origine: OrigineProposta;
  /** The accesso it came from, for `origine = accesso`. */
  accessoId: string | null;
  inviante: string | null;
  motivazione: string | null;
  urgenza: Urgenza | null;
  stato: StatoProposta;
  ricevutaIl: string;
}

export interface AssegnazioneV1 {
  caseManager: { id: string; nome: string };
  assegnataDa: string;
  dal: string;
  /** Null for the current assignment. */
  al: string | null;
  note: string | null;
}

export interface CartellaV1 {
  id: string;
  persona: {
    codiceFiscale: string;
    cognome: string;
    nome: string;
    dataNascita: string;
    sesso: Sesso;
  };
  comuneResidenza: string;
  subAmbito: string;
  stato: StatoCartella;
  /** Episodes of care: a reopening after closure starts a new one. */
  episodio: number;
  caseManager: { id: string; nome: string } | null;
  apertaIl: string;
  chiusura: { motivo: MotivoChiusura; il: string; da: string; note: string | null } | null;
  proposte: PropostaV1[];
  assegnazioni: AssegnazioneV1[];
  nucleo: {
    cognome: string;
    nome: string;
    codiceFiscale: string | null;
    dataNascita: string | null;
    relazione: RelazioneNucleo;
    convivente: boolean;
    caregiver: boolean;
  }[];
  /** Équipe members currently working the case besides the case manager. */
  equipe: { userId: string; nome: string; professione: Professione; dal: string }[];
  valutazioni: ValutazioneV1[];
  /** Every version, newest first. */
  progetti: ProgettoV1[];
}

/** A cartella in a list: no assessments or projects. */
export type CartellaSintesiV1 = Omit<
  CartellaV1,
  'valutazioni' | 'progetti' | 'assegnazioni' | 'equipe' | 'nucleo'
>;

export interface VoceDiarioV1 {
  id: string;
  il: string;
  tipo: TipoVoceDiario;
  testo: string;
  autore: { id: string; nome: string };
  episodio: number;
}

export interface ConteggioCartelleV1 {
  subAmbito: string;
  stato: StatoCartella;
  totale: number;
}

/** Aggregated, non-identifying figures (Ufficio di Piano). */
export interface ConteggiCartelleRispostaV1 {
  righe: ConteggioCartelleV1[];
  totale: number;
}
