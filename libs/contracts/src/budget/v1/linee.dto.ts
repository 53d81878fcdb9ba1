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
} from 'class-validator';
import { Descrizione } from '../../common/schema-decorators';
import { CODICE_PATTERN, IsImportoCentesimi, SchemaCentesimi } from './importo';
import { Importo, InteroDescritto, NullableDescritto } from './schema';
import { CATEGORIE_LINEA, type CategoriaLinea } from './vocabolari';

/**
 * A spending line of the piano operativo of an esercizio (an objective such as "7.10 Misure
 * distrettuali e regionali", an avviso, a service), with its preventivo.
 */
export class RegistraLineaV1 {
  @Matches(CODICE_PATTERN, { message: 'codice: maiuscole, cifre, punto e trattino, es. PO2020-7.10' })
  codice: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  denominazione: string;

  /** Year in which the money is spent. */
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  esercizio: number;

  @IsIn(CATEGORIE_LINEA)
  categoria: CategoriaLinea;

  /** Objective of the piano operativo, e.g. `7.10`. */
  @IsOptional()
  @IsString()
  @MaxLength(20)
  obiettivo?: string;

  /** Planned amount (preventivo); 0 when not planned. */
  @SchemaCentesimi()
  @Type(() => Number)
  @IsInt({ message: 'preventivoCentesimi: importo in centesimi, numero intero' })
  @Min(0, { message: 'preventivoCentesimi: non può essere negativo' })
  @Max(Number.MAX_SAFE_INTEGER)
  preventivoCentesimi: number;
}

export class ElencaLineeV1 {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  esercizio?: number;
}

@DescrizioneClasse('Linea di spesa del piano operativo')
export class LineaV1 {
  @IsUUID()
  id: string;

  @IsString()
  codice: string;

  @IsString()
  denominazione: string;

  @InteroDescritto('Esercizio di spesa')
  esercizio: number;

  @IsIn(CATEGORIE_LINEA)
  categoria: CategoriaLinea;

  @NullableDescritto('Obiettivo del piano operativo, es. 7.10')
  @IsString()
  obiettivo: string | null;

  @Importo('Preventivo')
  preventivoCentesimi: number;

  @NullableDescritto('Linea di cui è un articolo; null = linea del piano operativo')
  @IsString()
  lineaPadre: string | null;

  @NullableDescritto('Fondo a cui l’articolo è vincolato (entrata vincolata); null = linea')
  @IsString()
  fondo: string | null;
}

/**
 * An articolo of a line, as the capitolo of the PEG is split into articoli: one measure of the line
 * (e.g. "B2 2025 – area anziani" of 7.10), bound to one fund. Its money is its own: dotazioni come only
 * from its fund (or the cofinanziamento the fund's rules require), impegni are taken on the articolo,
 * and a line with articoli is neither dotated nor committed directly. The esercizio is the line's.
 */
export class RegistraArticoloV1 {
  /** The line it articulates. */
  @Matches(CODICE_PATTERN, { message: 'linea: codice della linea di spesa' })
  linea: string;

  @Matches(CODICE_PATTERN, {
    message: 'codice: maiuscole, cifre, punto e trattino, es. PO2025-7.10-B2-ANZIANI',
  })
  codice: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  denominazione: string;

  /** The kind of measure: the key of the fund rules (e.g. `misure-b2`, `dopo-di-noi`, `provi`). */
  @IsIn(CATEGORIE_LINEA)
  categoria: CategoriaLinea;

  /** The fund it is bound to. */
  @Matches(CODICE_PATTERN, { message: 'fondo: codice del fondo in maiuscolo, es. FNA-B2' })
  fondo: string;

  @SchemaCentesimi()
  @Type(() => Number)
  @IsInt({ message: 'preventivoCentesimi: importo in centesimi, numero intero' })
  @Min(0, { message: 'preventivoCentesimi: non può essere negativo' })
  @Max(Number.MAX_SAFE_INTEGER)
  preventivoCentesimi: number;
}

/** Allocates part of a fund annualità to a line: never more than what the annualità has left. */
export class AssegnaDotazioneV1 {
  @Matches(CODICE_PATTERN, { message: 'fondo: codice del fondo in maiuscolo, es. FNA-B2' })
  fondo: string;

  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  anno: number;

  @Matches(CODICE_PATTERN, { message: 'linea: codice della linea di spesa' })
  linea: string;

  @IsImportoCentesimi()
  importoCentesimi: number;

  /** Decision that allocates it (e.g. a determina), free text. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  atto?: string;
}

@DescrizioneClasse('Dotazione di un’annualità a una linea')
export class DotazioneV1 {
  @IsUUID()
  id: string;

  @IsString()
  fondo: string;

  @InteroDescritto('Anno dell’annualità del fondo')
  anno: number;

  @IsString()
  linea: string;

  @Importo('Importo')
  importoCentesimi: number;

  @NullableDescritto('Decisione che la assegna (es. una determina)')
  @IsString()
  atto: string | null;

  @IsISO8601()
  @Descrizione('Quando è stata registrata')
  registrataIl: string;
}
