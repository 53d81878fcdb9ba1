import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { GIORNO_ESISTENTE } from '../../common/giorno';
import { TestoMultiriga } from '../../common/input-pulito';
import { PaginazioneV1, paginaDi } from '../../common/pagination';
import { Annidato, Descrizione, Intero, Nullable } from '../../common/schema-decorators';
import { AssistenteV1, PermessoSoggiornoV1, SchedaAssistenteV1 } from './candidatura.dto';
import {
  CAMPI_PUBBLICABILI,
  CAUSE_CANCELLAZIONE,
  CAUSE_SOSPENSIONE_ISCRIZIONE,
  STATI_ISCRIZIONE,
  TIPI_STORIA_ISCRIZIONE,
  type CampoPubblicabile,
  type CausaCancellazione,
  type CausaSospensioneIscrizione,
  type StatoIscrizione,
  type TipoStoriaIscrizione,
} from './vocabolari';

export class ConsensoPubblicazioneV1 {
  @IsUUID()
  id: string;

  @IsArray()
  @IsIn(CAMPI_PUBBLICABILI, { each: true })
  campi: CampoPubblicabile[];

  @IsString()
  documento: string;

  @IsISO8601()
  datoIl: string;

  @IsString()
  registratoDa: string;
}

export class VoceStoriaIscrizioneV1 {
  @IsIn(TIPI_STORIA_ISCRIZIONE)
  tipo: TipoStoriaIscrizione;

  @Nullable()
  @IsString()
  causa: string | null;

  @Nullable()
  @IsString()
  motivazione: string | null;

  @IsString()
  da: string;

  @IsISO8601()
  il: string;
}

/** An iscrizione in the registro with its scheda, its consent in force and its whole history. */
export class IscrizioneV1 {
  @IsUUID()
  id: string;

  @IsString()
  registro: string;

  @IsString()
  @Descrizione('Sportello che ha iscritto')
  sportello: string;

  @IsIn(STATI_ISCRIZIONE)
  stato: StatoIscrizione;

  @Annidato(() => AssistenteV1)
  assistente: AssistenteV1;

  @IsUUID()
  candidaturaId: string;

  @Matches(GIORNO_ESISTENTE)
  iscrittaIl: string;

  @IsUUID()
  requisitiId: string;

  @Nullable()
  @Matches(GIORNO_ESISTENTE)
  @Descrizione('Scadenza del permesso di soggiorno (extra-UE): alla scadenza l’iscrizione è sospesa')
  permessoScadenza: string | null;

  @Nullable()
  @IsIn(CAUSE_SOSPENSIONE_ISCRIZIONE)
  causaSospensione: CausaSospensioneIscrizione | null;

  @Nullable()
  @IsIn(CAUSE_CANCELLAZIONE)
  causaCancellazione: CausaCancellazione | null;

  @Annidato(() => SchedaAssistenteV1)
  scheda: SchedaAssistenteV1;

  @Intero({ min: 1 })
  @Descrizione('Versione della scheda: da rimandare con la modifica (controllo di concorrenza)')
  versioneScheda: number;

  @Nullable()
  @Annidato(() => ConsensoPubblicazioneV1)
  consenso: ConsensoPubblicazioneV1 | null;

  @Annidato(() => VoceStoriaIscrizioneV1, { lista: true })
  storia: VoceStoriaIscrizioneV1[];
}

export class LeggiIscrizioneV1 {
  @IsUUID()
  id: string;
}

/** Request of `assistenti-familiari.iscrizione.elenca`: the registro for the sportelli (no contact data). */
export class ElencaIscrizioniV1 extends PaginazioneV1 {
  @IsOptional()
  @IsIn(STATI_ISCRIZIONE)
  stato?: StatoIscrizione;
}

/** A line of the registro for the sportelli: no contact data, no codice fiscale. */
export class VoceRegistroV1 {
  @IsUUID()
  id: string;

  @IsString()
  sportello: string;

  @IsIn(STATI_ISCRIZIONE)
  stato: StatoIscrizione;

  @IsString()
  nome: string;

  @IsString()
  cognome: string;

  @Matches(GIORNO_ESISTENTE)
  iscrittaIl: string;

  @Nullable()
  @Matches(GIORNO_ESISTENTE)
  permessoScadenza: string | null;
}

export class PaginaRegistroV1 extends paginaDi(VoceRegistroV1) {}

/** Request of `assistenti-familiari.iscrizione.cancella`. */
export class CancellaIscrizioneV1 {
  @IsUUID()
  id: string;

  @IsIn(CAUSE_CANCELLAZIONE)
  causa: CausaCancellazione;

  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  @TestoMultiriga()
  motivazione: string;
}

/** Request of `assistenti-familiari.iscrizione.aggiorna-permesso`: a renewed permit; a suspension for expiry ends. */
export class AggiornaPermessoV1 {
  @IsUUID()
  id: string;

  @Annidato(() => PermessoSoggiornoV1)
  permesso: PermessoSoggiornoV1;
}

/** Request of `assistenti-familiari.iscrizione.consenso.registra`: the fields the assistant consents to publish. */
export class RegistraConsensoV1 {
  @IsUUID()
  id: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(CAMPI_PUBBLICABILI, { each: true })
  @Descrizione(
    'Campi pubblicabili: nome, competenze, formazione, disponibilita, lingue, aree, convivente, esperienzaMesi',
  )
  campi: CampoPubblicabile[];

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  @Descrizione('Riferimento del modulo di consenso firmato')
  documento: string;
}

/** Request of `assistenti-familiari.iscrizione.consenso.revoca`. */
export class RevocaConsensoV1 {
  @IsUUID()
  id: string;
}

/** Request of `assistenti-familiari.registro.riverifica`: the periodic re-verification, on a day (today by default). */
export class RiverificaRegistroV1 {
  @IsOptional()
  @Matches(GIORNO_ESISTENTE, { message: 'giorno: data nel formato AAAA-MM-GG' })
  giorno?: string;
}

export class EsitoRiverificaV1 {
  @Matches(GIORNO_ESISTENTE)
  giorno: string;

  @IsArray()
  @IsUUID('all', { each: true })
  @Descrizione('Iscrizioni sospese perché il permesso di soggiorno è scaduto')
  sospese: string[];
}

/** The fields the assistant consents to publish, with the signed form (a new consent replaces the one in force). */
export class NuovoConsensoV1 {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(CAMPI_PUBBLICABILI, { each: true })
  @Descrizione(
    'Campi pubblicabili: nome, competenze, formazione, disponibilita, lingue, aree, convivente, esperienzaMesi',
  )
  campi: CampoPubblicabile[];

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  @Descrizione('Riferimento del modulo di consenso firmato')
  documento: string;
}

/**
 * Request of `assistenti-familiari.iscrizione.scheda.modifica`: the whole scheda as it is now
 * (competences, training, hours, languages, comuni served, live-in), optionally a new consent to
 * publish; `versione` is the one read, refused as `SCHEDA_MODIFICATA` when someone changed it since.
 */
export class ModificaSchedaV1 {
  @IsUUID()
  id: string;

  @Intero({ min: 1 })
  @Descrizione('La versione della scheda letta (IscrizioneV1.versioneScheda)')
  versione: number;

  @Annidato(() => SchedaAssistenteV1)
  scheda: SchedaAssistenteV1;

  @IsOptional()
  @Annidato(() => NuovoConsensoV1)
  @Descrizione('Un nuovo consenso alla pubblicazione, che sostituisce quello in vigore')
  consenso?: NuovoConsensoV1;
}
