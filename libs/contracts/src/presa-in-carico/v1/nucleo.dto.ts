import { DescrizioneClasse } from '../../common/schema-decorators';
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
import { CODICE_FISCALE_PATTERN, ISO_DATE_PATTERN } from '../../accesso/v1/persona.dto';
import { Descrizione, Nullable } from '../../common/schema-decorators';

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
  // Affini (in-laws) up to the 2nd degree: they may be caregiver familiari (L. 205/2017 art. 1 c. 255).
  'suocero-suocera',
  'genero-nuora',
  'figlio-del-coniuge',
  'coniuge-del-genitore',
  'cognato-cognata',
  // 2nd degree affini beyond the cognati: the spouse's grandparents and grandchildren, the spouses of
  // one's grandparents and grandchildren (art. 78 c.c.: the spouse's relatives, in the same degree).
  'nonno-nonna-del-coniuge',
  'nipote-del-coniuge',
  'coniuge-del-nonno-nonna',
  'coniuge-del-nipote',
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

/** A member of the nucleo familiare as the cartella shows it. */
@DescrizioneClasse('Componente del nucleo familiare')
export class ComponenteNucleoV1 {
  @IsString()
  cognome: string;

  @IsString()
  nome: string;

  @Nullable()
  @IsString()
  codiceFiscale: string | null;

  @Nullable()
  @Matches(ISO_DATE_PATTERN)
  @Descrizione('Data di nascita')
  dataNascita: string | null;

  @IsIn(RELAZIONI_NUCLEO)
  @Descrizione('Relazione con la persona della cartella')
  relazione: RelazioneNucleo;

  @IsBoolean()
  convivente: boolean;

  @IsBoolean()
  @Descrizione('Si prende cura della persona (caregiver familiare)')
  caregiver: boolean;
}
