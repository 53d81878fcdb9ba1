import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ISO_DATE_PATTERN } from '../../accesso/v1/persona.dto';

export const ESITI_OBIETTIVO = ['raggiunto', 'parzialmente-raggiunto', 'non-raggiunto'] as const;
export type EsitoObiettivo = (typeof ESITI_OBIETTIVO)[number];

export class EsitoObiettivoV1 {
  /** Position of the obiettivo in the project version (0-based). */
  @IsInt()
  @Min(0)
  obiettivo: number;

  @IsIn(ESITI_OBIETTIVO)
  esito: EsitoObiettivo;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

/** A verifica of the approved project, recorded against its obiettivi. */
export class RegistraVerificaV1 {
  /** The approved project version. */
  @IsUUID()
  id: string;

  @Matches(ISO_DATE_PATTERN, { message: 'data: formato AAAA-MM-GG' })
  data: string;

  @IsArray()
  @ArrayMinSize(1, { message: 'esiti: almeno un obiettivo verificato' })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => EsitoObiettivoV1)
  esiti: EsitoObiettivoV1[];

  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string;
}

export class CaricoLavoroV1 {
  @IsOptional()
  @IsString()
  subAmbito?: string;
}

export class ElencaAvvisiV1 {
  @IsOptional()
  @IsString()
  subAmbito?: string;
}

export interface VerificaV1 {
  id: string;
  progettoId: string;
  data: string;
  esiti: { obiettivo: number; esito: EsitoObiettivo; note: string | null }[];
  note: string | null;
  registrataDa: { id: string; nome: string };
  registrataIl: string;
}

export interface CaricoOperatoreV1 {
  userId: string;
  nome: string;
  casiAttivi: number;
  /** Active cases without any valutazione in the current episode. */
  daValutare: number;
  verificheScadute: number;
}

export interface CaricoSubAmbitoV1 {
  subAmbito: string;
  popolazione: number;
  assistentiSociali: number;
  /** Null when the équipe has no assistente sociale. */
  abitantiPerAssistenteSociale: number | null;
  /** The configured standard (LEPS: 1 assistente sociale every 5,000 inhabitants). */
  standardAbitantiPerAssistenteSociale: number;
  sottoStandard: boolean;
  inCoda: number;
  casiAttivi: number;
  daValutare: number;
  progettiInAttesaDiDecisione: number;
  verificheScadute: number;
  operatori: CaricoOperatoreV1[];
}

export interface CaricoLavoroRispostaV1 {
  al: string;
  subAmbiti: CaricoSubAmbitoV1[];
}

export const TIPI_AVVISO = [
  'proposta-non-assegnata',
  'progetto-in-attesa-di-decisione',
  'verifica-scaduta',
] as const;
export type TipoAvviso = (typeof TIPI_AVVISO)[number];

export interface AvvisoV1 {
  tipo: TipoAvviso;
  cartellaId: string;
  subAmbito: string;
  comuneResidenza: string;
  caseManagerId: string | null;
  /** Since when: the proposta's arrival, the proposal of the project, the scheduled date of the verifica. */
  dal: string;
  giorni: number;
}
