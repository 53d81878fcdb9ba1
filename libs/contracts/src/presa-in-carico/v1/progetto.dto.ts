import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
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
import {
  CODICE_PRESTAZIONE_PATTERN,
  FONTI_FINANZIAMENTO,
  UNITA_INTENSITA,
  type FonteFinanziamento,
  type StatoProgetto,
  type UnitaIntensita,
} from './vocabolari';

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

export interface InterventoProgettoV1 {
  codicePrestazione: string;
  denominazione: string;
  erogatore: string;
  intensita: { quantita: number; unita: UnitaIntensita };
  dal: string;
  al: string;
  costoCentesimi: number;
  fonteFinanziamento: FonteFinanziamento;
}

/** One version of the progetto personalizzato. */
export interface ProgettoV1 {
  id: string;
  cartellaId: string;
  versione: number;
  stato: StatoProgetto;
  dataInizio: string;
  dataFine: string;
  obiettivi: ObiettivoV1[];
  interventi: InterventoProgettoV1[];
  verifiche: { data: string; oggetto: string }[];
  impegni: string[];
  consensoPersona: boolean;
  /** Budget di progetto: cost of the interventi by funding source, in cents. */
  budget: { fonteFinanziamento: FonteFinanziamento; costoCentesimi: number }[];
  proposto: { da: string; nome: string; il: string };
  decisione: {
    esito: 'approvato' | 'respinto';
    da: string;
    nome: string;
    il: string;
    motivazione: string | null;
  } | null;
}
