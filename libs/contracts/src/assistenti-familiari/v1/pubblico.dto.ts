import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Matches, ValidateIf } from 'class-validator';
import { PaginazioneV1, paginaDi } from '../../common/pagination';
import { Annidato, Descrizione, DescrizioneClasse, Intero, Nullable } from '../../common/schema-decorators';
import { ISTAT_PATTERN } from '../../accesso/v1/persona.dto';
import { FasciaDisponibilitaV1, FormazioneV1 } from './candidatura.dto';
import {
  COMPETENZE_ASSISTENTE,
  GIORNI_SETTIMANA,
  type CompetenzaAssistente,
  type GiornoSettimana,
} from './vocabolari';

/**
 * Request of `assistenti-familiari.pubblico.elenca` (no authentication): filters match only fields the
 * assistant consented to publish, so that a filter cannot reveal what the list does not show.
 */
export class ElencaRegistroPubblicoV1 extends PaginazioneV1 {
  @IsOptional()
  @Matches(ISTAT_PATTERN, { message: 'area: codice ISTAT del comune (6 cifre)' })
  @Descrizione('Comune servito (codice ISTAT)')
  area?: string;

  @IsOptional()
  @IsIn(COMPETENZE_ASSISTENTE)
  competenza?: CompetenzaAssistente;

  @IsOptional()
  @Matches(/^[a-z]{2}$/, { message: 'lingua: codice ISO 639-1 di due lettere minuscole' })
  lingua?: string;

  @ValidateIf(
    (o: ElencaRegistroPubblicoV1) => o.dalle !== undefined || o.alle !== undefined || o.giorno !== undefined,
  )
  @IsIn(GIORNI_SETTIMANA, { message: 'giorno: lun, mar, mer, gio, ven, sab o dom (con dalle e alle)' })
  @Descrizione('Disponibilità: giorno della settimana (con dalle e alle)')
  giorno?: GiornoSettimana;

  @ValidateIf((o: ElencaRegistroPubblicoV1) => o.giorno !== undefined || o.dalle !== undefined)
  @Type(() => Number)
  @Intero({ min: 0, max: 23 })
  @Descrizione('Disponibilità: dall’ora (0-23)')
  dalle?: number;

  @ValidateIf((o: ElencaRegistroPubblicoV1) => o.giorno !== undefined || o.alle !== undefined)
  @Type(() => Number)
  @Intero({ min: 1, max: 24 })
  @Descrizione('Disponibilità: all’ora (1-24), dopo dalle')
  alle?: number;
}

/**
 * One assistant of the public register: every field but the id and the sportello is null unless the
 * assistant consented to publish it. There is no field for address, codice fiscale, phone or e-mail.
 */
@DescrizioneClasse('Un assistente familiare del registro pubblico: solo i campi di cui ha dato il consenso')
export class VoceRegistroPubblicoV1 {
  @IsUUID()
  @Descrizione('Identificativo dell’iscrizione: per chiedere il contatto allo sportello')
  id: string;

  @IsString()
  @Descrizione('Sportello da contattare')
  sportello: string;

  @Nullable()
  @IsString()
  @Descrizione('Nome di battesimo (mai il cognome)')
  nome: string | null;

  @Nullable()
  @IsIn(COMPETENZE_ASSISTENTE, { each: true })
  competenze: CompetenzaAssistente[] | null;

  @Nullable()
  @Annidato(() => FormazioneV1, { lista: true })
  formazione: FormazioneV1[] | null;

  @Nullable()
  @Annidato(() => FasciaDisponibilitaV1, { lista: true })
  disponibilita: FasciaDisponibilitaV1[] | null;

  @Nullable()
  @IsString({ each: true })
  lingue: string[] | null;

  @Nullable()
  @IsString({ each: true })
  aree: string[] | null;

  @Nullable()
  @IsBoolean()
  convivente: boolean | null;

  @Nullable()
  @Intero({ min: 0 })
  esperienzaMesi: number | null;
}

export class PaginaRegistroPubblicoV1 extends paginaDi(VoceRegistroPubblicoV1) {}
