import { GIORNO_ESISTENTE } from '../../common/giorno';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { PaginazioneV1, paginaDi } from '../../common/pagination';
import { Annidato, Descrizione, Nullable } from '../../common/schema-decorators';
import { SESSI, type Sesso } from './vocabolari';

/** Shape only; the check character and omocodia are verified by the service (CODICE_FISCALE_NON_VALIDO). */
export const CODICE_FISCALE_PATTERN = /^(?:[A-Za-z0-9]{16}|\d{11})$/;
export const ISO_DATE_PATTERN = GIORNO_ESISTENTE;
export const ISTAT_PATTERN = /^\d{6}$/;
export const BELFIORE_PATTERN = /^[A-Z]\d{3}$/;
/** ISTAT code of a citizenship (3 digits, e.g. 100 Italia), the one SIUSS uses. */
export const CITTADINANZA_ISTAT_PATTERN = /^\d{3}$/;

export class RecapitiV1 {
  @IsOptional()
  @IsString()
  @Matches(/^\+?[0-9 ]{6,20}$/, { message: 'telefono non valido' })
  telefono?: string;

  @IsOptional()
  @IsEmail({}, { message: 'email non valida' })
  email?: string;
}

export class RegistraPersonaV1 {
  @IsString()
  @Matches(CODICE_FISCALE_PATTERN, { message: 'codice fiscale: 16 caratteri alfanumerici o 11 cifre' })
  codiceFiscale: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  cognome: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  nome: string;

  @Matches(ISO_DATE_PATTERN, { message: 'dataNascita: formato AAAA-MM-GG' })
  dataNascita: string;

  /** Codice catastale (Belfiore) of the comune of birth, or the Z code of the foreign state. */
  @Matches(BELFIORE_PATTERN, { message: 'luogoNascita: codice catastale (es. D142 o Z110)' })
  luogoNascita: string;

  @IsIn(SESSI)
  sesso: Sesso;

  /** ISO 3166-1 alpha-2 code. */
  @Matches(/^[A-Z]{2}$/, { message: 'cittadinanza: codice ISO a due lettere (es. IT)' })
  cittadinanza: string;

  @Matches(ISTAT_PATTERN, { message: 'comuneResidenza: codice ISTAT di 6 cifre' })
  comuneResidenza: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  indirizzoResidenza?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => RecapitiV1)
  recapiti?: RecapitiV1;

  @IsOptional()
  @Matches(CITTADINANZA_ISTAT_PATTERN, { message: 'cittadinanzaIstat: codice ISTAT di 3 cifre (es. 100)' })
  @Descrizione('Cittadinanza come codice ISTAT di 3 cifre (SIUSS), es. 100 Italia')
  cittadinanzaIstat?: string;

  @IsOptional()
  @Matches(ISO_DATE_PATTERN, { message: 'residenteInLombardiaDal: formato AAAA-MM-GG' })
  @Descrizione('Data da cui la persona risiede in Lombardia (requisito di alcune misure regionali)')
  residenteInLombardiaDal?: string;

  @IsOptional()
  @Matches(ISTAT_PATTERN, { message: 'comuneDomicilio: codice ISTAT di 6 cifre' })
  @Descrizione('Comune di domicilio, quando diverso dalla residenza')
  comuneDomicilio?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Descrizione('Indirizzo di domicilio, quando diverso dalla residenza')
  indirizzoDomicilio?: string;
}

/** Changes to a registered persona: only the given fields change; identity data (codice fiscale, birth) do not. */
export class AggiornaPersonaV1 {
  @IsUUID()
  id: string;

  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'cittadinanza: codice ISO a due lettere (es. IT)' })
  cittadinanza?: string;

  @IsOptional()
  @Matches(CITTADINANZA_ISTAT_PATTERN, { message: 'cittadinanzaIstat: codice ISTAT di 3 cifre (es. 100)' })
  cittadinanzaIstat?: string;

  @IsOptional()
  @Matches(ISTAT_PATTERN, { message: 'comuneResidenza: codice ISTAT di 6 cifre' })
  comuneResidenza?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  indirizzoResidenza?: string;

  @IsOptional()
  @Matches(ISO_DATE_PATTERN, { message: 'residenteInLombardiaDal: formato AAAA-MM-GG' })
  residenteInLombardiaDal?: string;

  @IsOptional()
  @Matches(ISTAT_PATTERN, { message: 'comuneDomicilio: codice ISTAT di 6 cifre' })
  comuneDomicilio?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  indirizzoDomicilio?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => RecapitiV1)
  recapiti?: RecapitiV1;
}

/** The death of a persona, as reported (registry office, family, hospital). */
export class RegistraDecessoV1 {
  @IsUUID()
  id: string;

  @Matches(ISO_DATE_PATTERN, { message: 'dataDecesso: formato AAAA-MM-GG' })
  @Descrizione('Data del decesso')
  dataDecesso: string;
}

export class LeggiPersonaV1 {
  @IsUUID()
  id: string;
}

export class CercaPersoneV1 extends PaginazioneV1 {
  @IsOptional()
  @IsString()
  @Length(3, 16)
  codiceFiscale?: string;

  @IsOptional()
  @IsString()
  @Length(2, 100)
  cognome?: string;

  @IsOptional()
  @IsString()
  @Length(1, 100)
  nome?: string;
}

export class RecapitiPersonaV1 {
  @Nullable()
  @IsString()
  telefono: string | null;

  @Nullable()
  @IsString()
  email: string | null;
}

export class PersonaV1 {
  @IsUUID()
  id: string;

  @IsString()
  codiceFiscale: string;

  @IsString()
  cognome: string;

  @IsString()
  nome: string;

  @Matches(ISO_DATE_PATTERN)
  dataNascita: string;

  @Matches(BELFIORE_PATTERN)
  luogoNascita: string;

  @IsIn(SESSI)
  sesso: Sesso;

  @IsString()
  cittadinanza: string;

  @Matches(ISTAT_PATTERN)
  comuneResidenza: string;

  @Nullable()
  @IsString()
  indirizzoResidenza: string | null;

  @Annidato(() => RecapitiPersonaV1)
  recapiti: RecapitiPersonaV1;

  @IsISO8601()
  registrataIl: string;

  @IsOptional()
  @Nullable()
  @IsString()
  @Descrizione('Cittadinanza, codice ISTAT di 3 cifre (SIUSS)')
  cittadinanzaIstat?: string | null;

  @IsOptional()
  @Nullable()
  @Matches(ISO_DATE_PATTERN)
  @Descrizione('Residente in Lombardia dal')
  residenteInLombardiaDal?: string | null;

  @IsOptional()
  @Nullable()
  @Matches(ISTAT_PATTERN)
  @Descrizione('Comune di domicilio, quando diverso dalla residenza')
  comuneDomicilio?: string | null;

  @IsOptional()
  @Nullable()
  @IsString()
  @Descrizione('Indirizzo di domicilio')
  indirizzoDomicilio?: string | null;

  @IsOptional()
  @Nullable()
  @Matches(ISO_DATE_PATTERN)
  @Descrizione('Data del decesso, quando registrato')
  dataDecesso?: string | null;
}

/**
 * A page of persone. A search by complete codice fiscale by an operator that finds nobody in the
 * operator's territory also says whether the person exists elsewhere in the Ambito (`esisteFuoriAmbito`),
 * and nothing more: no data of a person outside one's territory.
 */
export class PaginaPersoneV1 extends paginaDi(PersonaV1) {
  @IsOptional()
  @IsBoolean()
  @Descrizione(
    'Solo per una ricerca per codice fiscale completo senza risultati nel proprio territorio: se la persona è registrata altrove nell’Ambito (nessun altro dato)',
  )
  esisteFuoriAmbito?: boolean;
}
