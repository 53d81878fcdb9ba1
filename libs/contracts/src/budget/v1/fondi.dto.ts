import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CODICE_PATTERN, IsImportoCentesimi } from './importo';
import { TIPI_ATTO, type TipoAtto } from './vocabolari';

const DATA = /^\d{4}-\d{2}-\d{2}$/;

/** The legal act (decreto, DGR, DM, delibera) behind an assignment. */
export class AttoV1 {
  @IsIn(TIPI_ATTO)
  tipo: TipoAtto;

  /** As written on the act, e.g. `XII/2033` or `12345`. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  numero: string;

  @Matches(DATA, { message: 'atto.data: formato AAAA-MM-GG' })
  data: string;
}

/**
 * Assigns an amount of a fund's annualità (e.g. FNA 2024) to the ambito, with its legal act. The
 * annualità is created by its first assignment; later acts add to it (integrazioni).
 */
export class RegistraAssegnazioneV1 {
  @Matches(CODICE_PATTERN, { message: 'fondo: codice del fondo in maiuscolo, es. FNA-B2' })
  fondo: string;

  /** Year of the fund (the annualità), not the esercizio in which it is spent. */
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  anno: number;

  @ValidateNested()
  @Type(() => AttoV1)
  atto: AttoV1;

  @IsImportoCentesimi()
  importoCentesimi: number;
}

export class ElencaFondiV1 {}

export interface AssegnazioneFondoV1 {
  id: string;
  atto: { tipo: TipoAtto; numero: string; data: string };
  importoCentesimi: number;
  registrataIl: string;
}

export interface AnnualitaV1 {
  id: string;
  fondo: string;
  anno: number;
  assegnatoCentesimi: number;
  assegnazioni: AssegnazioneFondoV1[];
}

export interface FondoV1 {
  codice: string;
  denominazione: string;
  /** The fund this one is a quota of (e.g. FNA for FNA-B2). */
  fondoPadre: string | null;
  annualita: Array<{ anno: number; assegnatoCentesimi: number }>;
}
