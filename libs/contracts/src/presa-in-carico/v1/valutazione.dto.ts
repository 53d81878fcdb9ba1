import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Min,
} from 'class-validator';
import { ISO_DATE_PATTERN } from '../../accesso/v1/persona.dto';

/** How an instrument turns the answers into a score: their sum, or none (a profile such as SINA). */
export const TIPI_PUNTEGGIO = ['somma', 'profilo'] as const;
export type TipoPunteggio = (typeof TIPI_PUNTEGGIO)[number];

export class RegistraValutazioneV1 {
  /** The cartella. */
  @IsUUID()
  id: string;

  /** Code of the instrument, e.g. `ADL`, `IADL`, `SINA`. */
  @IsString()
  @IsNotEmpty()
  strumento: string;

  /** The version to use; by default the one in force on `data`. */
  @IsOptional()
  @IsInt()
  @Min(1)
  versione?: number;

  @Matches(ISO_DATE_PATTERN, { message: 'data: formato AAAA-MM-GG' })
  data: string;

  /** Item code → chosen value; checked against the instrument's schema by the service. */
  @IsObject()
  risposte: Record<string, number>;

  @IsOptional()
  @IsString()
  note?: string;
}

export class ElencaStrumentiV1 {
  @IsOptional()
  @IsIn(['tutti', 'in-vigore'])
  filtro?: 'tutti' | 'in-vigore';
}

export interface ValoreItemV1 {
  valore: number;
  etichetta: string;
  /** Points this answer adds to the score (`somma` instruments). */
  punti: number;
}

export interface ItemStrumentoV1 {
  codice: string;
  descrizione: string;
  valori: ValoreItemV1[];
}

/** A versioned assessment instrument: its items and how it is scored are data, not code. */
export interface StrumentoV1 {
  codice: string;
  versione: number;
  validoDal: string;
  denominazione: string;
  fonte: string;
  items: ItemStrumentoV1[];
  punteggio: { tipo: TipoPunteggio; min: number | null; max: number | null; descrizione: string };
  /**
   * Who must be in the case's équipe to use the instrument: at least one member of each group of
   * professions (e.g. Dopo di Noi: one clinical and one social member). Null: no requirement.
   */
  requisitiEquipe: { descrizione: string; gruppi: string[][] } | null;
}

export interface ValutazioneV1 {
  id: string;
  strumento: { codice: string; versione: number; denominazione: string };
  data: string;
  risposte: Record<string, number>;
  /** Computed by the service from the answers; null for a profile instrument. */
  punteggio: number | null;
  punteggioMax: number | null;
  valutatore: { id: string; nome: string };
  note: string | null;
  episodio: number;
  registrataIl: string;
}
