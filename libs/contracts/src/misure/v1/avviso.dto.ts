import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';
import { GIORNO_ESISTENTE } from '../../common/giorno';
import { Annidato, Centesimi, Descrizione, Intero, Nullable } from '../../common/schema-decorators';
import { CODICE_STRUMENTO } from './regole.dto';
import { AREE, MISURE, type Area, type Misura } from './vocabolari';

/*
 * An avviso: the public call of one measure for one annualità, its window, the benefit's months and the
 * graduatorie it will produce, each with its money (a budget line or articolo and an amount).
 */

export const STATI_AVVISO = ['bozza', 'pubblicato', 'chiuso', 'graduatorie-approvate'] as const;
export type StatoAvviso = (typeof STATI_AVVISO)[number];

const giorno = (campo: string) =>
  Matches(GIORNO_ESISTENTE, { message: `${campo}: data nel formato AAAA-MM-GG` });

/** A graduatoria the avviso will produce: its area and strumento, and the money it may spend. */
export class GraduatoriaPrevistaV1 {
  @IsIn(AREE)
  area: Area;

  @Matches(CODICE_STRUMENTO, { message: 'strumento: codice di uno strumento delle regole' })
  @Descrizione('Codice dello strumento nelle regole della misura, es. buono-caregiver')
  strumento: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  @Descrizione('Codice della linea o dell’articolo di budget su cui si impegna, es. 7.10.1')
  linea: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  @Descrizione('Fondo da cui attingere (facoltativo), es. FNA')
  fondo?: string;

  @IsOptional()
  @Intero({ min: 2000, max: 2100 })
  @Descrizione('Annualità del fondo (facoltativa)')
  annoFondo?: number;

  @Centesimi()
  @Min(1)
  @Descrizione('Budget della graduatoria (centesimi)')
  budgetCentesimi: number;
}

/** Request of `misure.avviso.crea`: an avviso in bozza. */
export class CreaAvvisoV1 {
  @IsIn(MISURE)
  misura: Misura;

  @Intero({ min: 2000, max: 2100 })
  annualita: number;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  titolo: string;

  @giorno('apertura')
  @Descrizione('Primo giorno in cui si presentano le istanze')
  apertura: string;

  @giorno('chiusura')
  @Descrizione('Ultimo giorno in cui si presentano (o si modificano) le istanze')
  chiusura: string;

  @giorno('decorrenza')
  @Descrizione('Decorrenza del beneficio')
  decorrenza: string;

  @Intero({ min: 1, max: 36 })
  @Descrizione('Mesi del beneficio (il totale degli strumenti mensili)')
  mesi: number;

  @IsOptional()
  @IsUUID()
  @Descrizione(
    'Versione delle regole da applicare; se assente, quella in vigore per la misura il giorno di apertura',
  )
  regoleId?: string;

  @Annidato(() => GraduatoriaPrevistaV1, { lista: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  graduatorie: GraduatoriaPrevistaV1[];
}

/** Request of the requests naming one avviso (read, publish, close). */
export class AvvisoIdV1 {
  @IsUUID()
  id: string;
}

/** Request of `misure.avviso.elenca` (a GET route fills it from the query string). */
export class ElencaAvvisiMisuraV1 {
  @IsOptional()
  @IsIn(MISURE)
  misura?: Misura;

  @IsOptional()
  @Type(() => Number)
  @Intero({ min: 2000, max: 2100 })
  annualita?: number;

  @IsOptional()
  @IsIn(STATI_AVVISO)
  stato?: StatoAvviso;
}

/** A graduatoria of an avviso, as stored. */
export class GraduatoriaAvvisoV1 extends GraduatoriaPrevistaV1 {
  @IsUUID()
  id: string;
}

/** An avviso (no personal data: it is public). */
export class AvvisoMisuraV1 {
  @IsUUID()
  id: string;

  @IsString()
  ambito: string;

  @IsIn(MISURE)
  misura: Misura;

  @Intero({ min: 2000, max: 2100 })
  annualita: number;

  @IsString()
  titolo: string;

  @IsUUID()
  @Descrizione('Versione delle regole dell’avviso')
  regoleId: string;

  @giorno('apertura')
  apertura: string;

  @giorno('chiusura')
  chiusura: string;

  @giorno('decorrenza')
  decorrenza: string;

  @Intero({ min: 1, max: 36 })
  mesi: number;

  @IsIn(STATI_AVVISO)
  stato: StatoAvviso;

  @Annidato(() => GraduatoriaAvvisoV1, { lista: true })
  graduatorie: GraduatoriaAvvisoV1[];

  @IsString()
  creatoDa: string;

  @IsISO8601()
  creatoIl: string;

  @Nullable()
  @IsString()
  pubblicatoDa: string | null;

  @Nullable()
  @IsISO8601()
  pubblicatoIl: string | null;

  @Nullable()
  @IsISO8601()
  chiusoIl: string | null;
}
