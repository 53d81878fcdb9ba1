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
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PaginazioneV1, paginaDi } from '../../common/pagination';
import { Annidato, Descrizione, Nullable } from '../../common/schema-decorators';
import { SESSI, TIPI_RICOVERO, type Sesso, type TipoRicovero } from './vocabolari';

/** Shape only; the check character and omocodia are verified by the service (CODICE_FISCALE_NON_VALIDO). */
export const CODICE_FISCALE_PATTERN = /^(?:[A-Za-z0-9]{16}|\d{11})$/;
export const ISO_DATE_PATTERN = GIORNO_ESISTENTE;
export const ISTAT_PATTERN = /^\d{6}$/;
export const BELFIORE_PATTERN = /^[A-Z]\d{3}$/;
/**
 * The 3-digit code of a country that SIUSS wants for `CodiceCittadinanza` and `CodiceNazione`: its
 * specification (INPS, SpecificaTecnica 2.0.1, tables 6–7) says ISO 3166-1 numeric, e.g. 380 Italia,
 * 642 Romania, 990 non disponibile (not the ISTAT codes of foreign states, where Italia is 100).
 */
export const CITTADINANZA_ISTAT_PATTERN = /^\d{3}$/;
/** ISO 3166-1 numeric code of Italy: a residence in Italy is a comune, never this as a foreign state. */
export const CODICE_NAZIONE_ITALIA = '380';

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

  /** Any Italian comune: residents of other ambiti are registered too (assistenti familiari, persons found here). */
  @ValidateIf((o: RegistraPersonaV1) => o.statoEsteroResidenza === undefined)
  @Matches(ISTAT_PATTERN, {
    message: 'comuneResidenza: codice ISTAT di 6 cifre (obbligatorio se non risiede all’estero)',
  })
  @Descrizione('Comune di residenza, anche fuori dall’Ambito (codice ISTAT); assente se risiede all’estero')
  comuneResidenza?: string;

  @IsOptional()
  @Matches(CITTADINANZA_ISTAT_PATTERN, {
    message: 'statoEsteroResidenza: codice del paese di 3 cifre (ISO 3166-1 numerico, es. 642 Romania)',
  })
  @Descrizione('Stato estero di residenza, codice ISO 3166-1 numerico come in SIUSS (es. 642 Romania)')
  statoEsteroResidenza?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  indirizzoResidenza?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => RecapitiV1)
  recapiti?: RecapitiV1;

  @IsOptional()
  @Matches(CITTADINANZA_ISTAT_PATTERN, {
    message:
      'cittadinanzaIstat: codice del paese di 3 cifre come in SIUSS (ISO 3166-1 numerico, es. 380 Italia)',
  })
  @Descrizione(
    'Cittadinanza come codice di 3 cifre richiesto da SIUSS (CodiceCittadinanza, ISO 3166-1 numerico: 380 Italia, 990 non disponibile)',
  )
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
  @Matches(CITTADINANZA_ISTAT_PATTERN, {
    message:
      'cittadinanzaIstat: codice del paese di 3 cifre come in SIUSS (ISO 3166-1 numerico, es. 380 Italia)',
  })
  cittadinanzaIstat?: string;

  /** A move to another comune (in or outside the Ambito); to another sub-ambito it moves the open cartella. */
  @IsOptional()
  @Matches(ISTAT_PATTERN, { message: 'comuneResidenza: codice ISTAT di 6 cifre' })
  comuneResidenza?: string;

  /** A move abroad (the comune of residence is cleared). */
  @IsOptional()
  @Matches(CITTADINANZA_ISTAT_PATTERN, {
    message: 'statoEsteroResidenza: codice del paese di 3 cifre (ISO 3166-1 numerico, es. 642 Romania)',
  })
  statoEsteroResidenza?: string;

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

/**
 * A ricovero of the persona: in hospital, a temporary stay in a structure to relieve the family
 * (sollievo), or a definitive residential placement (RSA, RSD, CSS). Recorded on the persona, not in a
 * cartella: the measures it suspends (B1, B2, Bonus assistenti familiari) are paid to persone, with or
 * without a cartella, and whoever hears of it first (segretariato, case manager) records it.
 */
export class RegistraRicoveroV1 {
  @IsUUID()
  personaId: string;

  @IsIn(TIPI_RICOVERO, { message: `tipo: uno fra ${TIPI_RICOVERO.join(', ')}` })
  tipo: TipoRicovero;

  @Matches(ISO_DATE_PATTERN, { message: 'dal: formato AAAA-MM-GG' })
  @Descrizione('Inizio del ricovero')
  dal: string;

  @IsOptional()
  @Matches(ISO_DATE_PATTERN, { message: 'al: formato AAAA-MM-GG' })
  @Descrizione('Fine del ricovero, se già nota (dimissione)')
  al?: string;
}

/** The end of a ricovero (dimissione, end of the stay). */
export class ConcludiRicoveroV1 {
  @IsUUID()
  id: string;

  @Matches(ISO_DATE_PATTERN, { message: 'al: formato AAAA-MM-GG' })
  @Descrizione('Fine del ricovero (dimissione)')
  al: string;
}

export class RicoveroV1 {
  @IsUUID()
  id: string;

  @IsUUID()
  personaId: string;

  @IsIn(TIPI_RICOVERO)
  tipo: TipoRicovero;

  @Matches(ISO_DATE_PATTERN)
  @Descrizione('Inizio')
  dal: string;

  @Nullable()
  @Matches(ISO_DATE_PATTERN)
  @Descrizione('Fine; null se in corso')
  al: string | null;

  @IsISO8601()
  registratoIl: string;
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

  @Nullable()
  @Matches(ISTAT_PATTERN)
  @Descrizione('Comune di residenza (codice ISTAT), anche fuori dall’Ambito; null se risiede all’estero')
  comuneResidenza: string | null;

  @IsOptional()
  @Nullable()
  @Matches(CITTADINANZA_ISTAT_PATTERN)
  @Descrizione('Stato estero di residenza (ISO 3166-1 numerico, come in SIUSS); null se risiede in Italia')
  statoEsteroResidenza?: string | null;

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

  /** Only in the reply of `accesso.persona.leggi`. */
  @IsOptional()
  @Annidato(() => RicoveroV1, { lista: true })
  @Descrizione('Ricoveri (ospedaliero, di sollievo, residenziale definitivo), dal più recente')
  ricoveri?: RicoveroV1[];
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
