import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsImportoCentesimi } from './importo';

const DATA = /^\d{4}-\d{2}-\d{2}$/;
const ISTAT = /^\d{6}$/;

/**
 * The per-inhabitant quota the Assemblea dei Sindaci deliberates for a year (e.g. € 6,57), and the date
 * of the population it applies to. A later delibera for the same year supersedes it; history is kept.
 */
export class DeliberaQuotaCapitariaV1 {
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  anno: number;

  @IsImportoCentesimi('quotaPerAbitanteCentesimi')
  quotaPerAbitanteCentesimi: number;

  /** Per-inhabitant contribution to the fondo di solidarietà dei comuni, deliberated with the quota. */
  @IsOptional()
  @IsInt({ message: 'solidarietaPerAbitanteCentesimi: importo in centesimi, numero intero' })
  @Min(0, { message: 'solidarietaPerAbitanteCentesimi: non può essere negativo' })
  @Max(Number.MAX_SAFE_INTEGER)
  solidarietaPerAbitanteCentesimi?: number;

  /** Date of the population counted (e.g. ISTAT at 1 January). */
  @Matches(DATA, { message: 'dataRiferimentoAbitanti: formato AAAA-MM-GG' })
  dataRiferimentoAbitanti: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  atto: string;
}

export interface QuotaCapitariaV1 {
  id: string;
  anno: number;
  quotaPerAbitanteCentesimi: number;
  solidarietaPerAbitanteCentesimi: number;
  dataRiferimentoAbitanti: string;
  atto: string;
  registrataIl: string;
}

export class AbitantiComuneV1 {
  @Matches(ISTAT, { message: 'istat: codice ISTAT di 6 cifre' })
  istat: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  denominazione: string;

  @IsInt()
  @Min(0)
  @Max(10_000_000)
  abitanti: number;
}

/** Inhabitants of the comuni at a date (a correction of the same date replaces the figure). */
export class RegistraAbitantiV1 {
  @Matches(DATA, { message: 'dataRiferimento: formato AAAA-MM-GG' })
  dataRiferimento: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => AbitantiComuneV1)
  comuni: AbitantiComuneV1[];
}

export interface AbitantiRegistratiV1 {
  dataRiferimento: string;
  comuni: number;
  abitanti: number;
}

/** What each comune owes for a year; a responsabile-comune sees only its own comuni. */
export class ProspettoQuoteComuniV1 {
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  anno: number;

  @IsOptional()
  @Matches(ISTAT, { message: 'comune: codice ISTAT di 6 cifre' })
  comune?: string;
}

export interface QuotaComuneV1 {
  istat: string;
  denominazione: string;
  abitanti: number;
  /** abitanti × quota per abitante. */
  quotaCentesimi: number;
  /** abitanti × contributo per abitante al fondo di solidarietà. */
  solidarietaCentesimi: number;
  /** quota + solidarietà. */
  dovutoCentesimi: number;
}

export interface ProspettoQuoteComuniRispostaV1 {
  anno: number;
  quotaPerAbitanteCentesimi: number;
  solidarietaPerAbitanteCentesimi: number;
  dataRiferimentoAbitanti: string;
  atto: string;
  comuni: QuotaComuneV1[];
  totaleCentesimi: number;
}
