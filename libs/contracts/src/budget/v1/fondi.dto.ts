import { GIORNO_ESISTENTE } from '../../common/giorno';
import { DescrizioneClasse } from '../../common/schema-decorators';
import { Type } from 'class-transformer';
import {
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
import { Annidato, Descrizione, Intero } from '../../common/schema-decorators';
import { CODICE_PATTERN, IsImportoCentesimi } from './importo';
import { Importo, InteroDescritto, NullableDescritto } from './schema';
import { TIPI_ATTO, type TipoAtto } from './vocabolari';

const DATA = GIORNO_ESISTENTE;

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
  @Descrizione('Data dell’atto (AAAA-MM-GG)')
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

/**
 * The funds of the ambito. An empty request lists all of them (a class with no validated field would be
 * refused as an unknown value by the contract validation, so the optional filter is declared here).
 */
export class ElencaFondiV1 {
  /** Only this fund (its code), e.g. `FNA-B2`. */
  @IsOptional()
  @Matches(CODICE_PATTERN, { message: 'fondo: codice del fondo in maiuscolo, es. FNA-B2' })
  fondo?: string;
}

@DescrizioneClasse('Assegnazione di un’annualità con il suo atto')
export class AssegnazioneFondoV1 {
  @IsUUID()
  id: string;

  @Annidato(() => AttoV1)
  atto: AttoV1;

  @Importo('Importo')
  importoCentesimi: number;

  @IsISO8601()
  @Descrizione('Quando è stata registrata')
  registrataIl: string;
}

@DescrizioneClasse('Annualità di un fondo (es. FNA 2024), distinta dall’esercizio')
export class AnnualitaV1 {
  @IsUUID()
  id: string;

  @IsString()
  fondo: string;

  @InteroDescritto('Anno del fondo')
  anno: number;

  @Importo('Totale assegnato')
  assegnatoCentesimi: number;

  @Annidato(() => AssegnazioneFondoV1, { lista: true })
  assegnazioni: AssegnazioneFondoV1[];
}

/** An annualità in the list of funds: year and total assigned. */
export class AnnualitaFondoV1 {
  @Intero()
  anno: number;

  @Importo('Assegnato')
  assegnatoCentesimi: number;
}

@DescrizioneClasse('Fondo e annualità assegnate')
export class FondoV1 {
  @IsString()
  @Descrizione('es. FNA-B2')
  codice: string;

  @IsString()
  denominazione: string;

  /** The fund this one is a quota of (e.g. FNA for FNA-B2). */
  @NullableDescritto('Fondo di cui è una quota (es. FNA)')
  @IsString()
  fondoPadre: string | null;

  @Annidato(() => AnnualitaFondoV1, { lista: true })
  annualita: AnnualitaFondoV1[];
}
