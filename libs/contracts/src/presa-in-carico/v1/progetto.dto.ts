import { DescrizioneClasse } from '../../common/schema-decorators';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ISO_DATE_PATTERN } from '../../accesso/v1/persona.dto';
import { Annidato, Centesimi, Descrizione, Intero, Nullable } from '../../common/schema-decorators';
import {
  CODICE_PRESTAZIONE_PATTERN,
  FONTI_FINANZIAMENTO,
  STATI_PROGETTO,
  UNITA_INTENSITA,
  type FonteFinanziamento,
  type StatoProgetto,
  type UnitaIntensita,
} from './vocabolari';

export const ESITI_DECISIONE = ['approvato', 'respinto'] as const;
export type EsitoDecisione = (typeof ESITI_DECISIONE)[number];

export class ObiettivoV1 {
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  descrizione: string;

  @IsString()
  @IsNotEmpty({ message: 'indicatore: obbligatorio' })
  @MaxLength(1000)
  indicatore: string;

  @IsString()
  @IsNotEmpty({ message: 'risultatoAtteso: obbligatorio' })
  @MaxLength(1000)
  risultatoAtteso: string;
}

export class IntensitaV1 {
  @IsInt()
  @Min(1)
  @Max(1000)
  quantita: number;

  @IsIn(UNITA_INTENSITA)
  unita: UnitaIntensita;
}

export class InterventoV1 {
  /** SIUSS `CodicePrestazione`, e.g. `A2.07` (assistenza domiciliare socio-assistenziale). */
  @Matches(CODICE_PRESTAZIONE_PATTERN, { message: 'codicePrestazione: codice SIUSS, es. A2.07' })
  codicePrestazione: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  denominazione: string;

  @IsString()
  @IsNotEmpty({ message: 'erogatore: obbligatorio' })
  @MaxLength(200)
  erogatore: string;

  @ValidateNested()
  @Type(() => IntensitaV1)
  intensita: IntensitaV1;

  @Matches(ISO_DATE_PATTERN, { message: 'dal: formato AAAA-MM-GG' })
  dal: string;

  @Matches(ISO_DATE_PATTERN, { message: 'al: formato AAAA-MM-GG' })
  al: string;

  /** Cost over the period, in euro cents. */
  @IsInt({ message: 'costoCentesimi: intero in centesimi di euro' })
  @Min(0)
  costoCentesimi: number;

  @IsIn(FONTI_FINANZIAMENTO)
  fonteFinanziamento: FonteFinanziamento;
}

export class VerificaProgrammataV1 {
  @Matches(ISO_DATE_PATTERN, { message: 'data: formato AAAA-MM-GG' })
  data: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  oggetto: string;
}

/** The équipe's proposal: a first project, or a revision of the approved one (a new version). */
export class ProponiProgettoV1 {
  /** The cartella. */
  @IsUUID()
  id: string;

  @Matches(ISO_DATE_PATTERN, { message: 'dataInizio: formato AAAA-MM-GG' })
  dataInizio: string;

  @Matches(ISO_DATE_PATTERN, { message: 'dataFine: formato AAAA-MM-GG' })
  dataFine: string;

  @IsArray()
  @ArrayMinSize(1, { message: 'obiettivi: almeno uno' })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ObiettivoV1)
  obiettivi: ObiettivoV1[];

  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => InterventoV1)
  interventi: InterventoV1[];

  @IsArray()
  @ArrayMinSize(1, { message: 'verifiche: almeno una verifica programmata' })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => VerificaProgrammataV1)
  verifiche: VerificaProgrammataV1[];

  /** Commitments of the person and of the family. */
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  @MaxLength(1000, { each: true })
  impegni?: string[];

  /** The person (or guardian) agreed to the project. */
  @IsBoolean()
  consensoPersona: boolean;
}

export class ApprovaProgettoV1 {
  /** The project version. */
  @IsUUID()
  id: string;

  @IsOptional()
  @IsString()
  @MaxLength(4000)
  motivazione?: string;
}

export class RespingiProgettoV1 {
  @IsUUID()
  id: string;

  @IsString()
  @IsNotEmpty({ message: 'motivazione: obbligatoria per respingere' })
  @MaxLength(4000)
  motivazione: string;
}

@DescrizioneClasse('Intervento del progetto')
export class InterventoProgettoV1 {
  @IsString()
  @Descrizione('Codice SIUSS, es. A2.07')
  codicePrestazione: string;

  @IsString()
  denominazione: string;

  @IsString()
  erogatore: string;

  @Annidato(() => IntensitaV1)
  intensita: IntensitaV1;

  @Matches(ISO_DATE_PATTERN)
  @Descrizione('Inizio')
  dal: string;

  @Matches(ISO_DATE_PATTERN)
  @Descrizione('Fine')
  al: string;

  @Centesimi()
  @Descrizione('Costo nel periodo, in centesimi di euro')
  costoCentesimi: number;

  @IsIn(FONTI_FINANZIAMENTO)
  fonteFinanziamento: FonteFinanziamento;
}

/** The cost of the interventi of one funding source. */
@DescrizioneClasse('Budget di progetto di una fonte di finanziamento')
export class VoceBudgetProgettoV1 {
  @IsIn(FONTI_FINANZIAMENTO)
  fonteFinanziamento: FonteFinanziamento;

  @Centesimi()
  costoCentesimi: number;
}

@DescrizioneClasse('Chi ha proposto la versione e quando')
export class PropostaProgettoV1 {
  @IsString()
  @Descrizione('Identificativo dell’utente')
  da: string;

  @IsString()
  nome: string;

  @IsISO8601()
  @Descrizione('Quando')
  il: string;
}

@DescrizioneClasse('Decisione del Comune sulla versione')
export class DecisioneProgettoV1 {
  @IsIn(ESITI_DECISIONE)
  esito: EsitoDecisione;

  @IsString()
  @Descrizione('Identificativo dell’utente')
  da: string;

  @IsString()
  nome: string;

  @IsISO8601()
  @Descrizione('Quando')
  il: string;

  @Nullable()
  @IsString()
  motivazione: string | null;
}

/** One version of the progetto personalizzato. */
@DescrizioneClasse('Versione del progetto personalizzato')
export class ProgettoV1 {
  @IsUUID()
  id: string;

  @IsUUID()
  cartellaId: string;

  @Intero({ min: 1 })
  versione: number;

  @IsIn(STATI_PROGETTO)
  stato: StatoProgetto;

  @Matches(ISO_DATE_PATTERN)
  @Descrizione('Inizio')
  dataInizio: string;

  @Matches(ISO_DATE_PATTERN)
  @Descrizione('Fine')
  dataFine: string;

  @Annidato(() => ObiettivoV1, { lista: true })
  obiettivi: ObiettivoV1[];

  @Annidato(() => InterventoProgettoV1, { lista: true })
  interventi: InterventoProgettoV1[];

  @Annidato(() => VerificaProgrammataV1, { lista: true })
  verifiche: VerificaProgrammataV1[];

  @IsString({ each: true })
  impegni: string[];

  @IsBoolean()
  consensoPersona: boolean;

  /** Budget di progetto: cost of the interventi by funding source, in cents. */
  @Annidato(() => VoceBudgetProgettoV1, { lista: true })
  @Descrizione('Budget di progetto per fonte, in centesimi')
  budget: VoceBudgetProgettoV1[];

  @Annidato(() => PropostaProgettoV1)
  proposto: PropostaProgettoV1;

  @Nullable()
  @Annidato(() => DecisioneProgettoV1)
  decisione: DecisioneProgettoV1 | null;
}
