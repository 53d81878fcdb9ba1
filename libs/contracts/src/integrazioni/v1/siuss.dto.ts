import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { Annidato, Descrizione, Intero, Nullable } from '../../common/schema-decorators';

/*
 * The SIUSS feed (D.M. 206/2014) as INPS polls it through the WaaS API (specs/inps-waas/api-comuni.yaml):
 * each flow is one beneficiary and one prestazione, an XML PS-PSA-SINA document in base64. The gateway
 * maps these messages to the snake_case JSON of the OpenAPI; the names here are the platform's.
 */

export const TIPI_FLUSSO_SIUSS = ['PS_PSA_SINA', 'SINBA'] as const;
export type TipoFlussoSiuss = (typeof TIPI_FLUSSO_SIUSS)[number];

export const CODICI_ESITO_SIUSS = [
  'OK',
  'DATI_NON_TROVATI',
  'RICHIESTA_INVALIDA',
  'ERRORE_GENERICO',
] as const;
export type CodiceEsitoSiuss = (typeof CODICI_ESITO_SIUSS)[number];

/** Where a SIUSS record is: offered to INPS, refused by our own XSD check (never offered), or its esito. */
export const STATI_RECORD_SIUSS = ['offerto', 'rifiutato', 'acquisito', 'scartato'] as const;
export type StatoRecordSiuss = (typeof STATI_RECORD_SIUSS)[number];

/** Request of `integrazioni.siuss.flussi.elenca` (GET /flussi?since=&limit=). */
export class ElencaFlussiSiussV1 {
  @Type(() => Number)
  @IsInt({ message: 'since: timestamp in millisecondi, intero non negativo' })
  @Min(0, { message: 'since: timestamp in millisecondi, intero non negativo' })
  @Descrizione('Timestamp (ms) dell’ultimo flusso acquisito da INPS; 0 alla prima acquisizione')
  since: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit: numero intero da 0 a 100' })
  @Min(0, { message: 'limit: numero intero da 0 a 100' })
  @Max(100, { message: 'limit: numero intero da 0 a 100' })
  @Descrizione('Numero massimo di flussi (default 10)')
  limit?: number;
}

/** One flow: one beneficiary, one prestazione. */
export class FlussoSiussV1 {
  @IsString()
  @Descrizione('Codice Belfiore dell’ente che ha generato il flusso')
  codiceEnte: string;

  @IsString()
  denominazioneEnte: string;

  @IsString()
  @Descrizione('EEEEE.TIPO.AAAAMMGG.NNNNNNN')
  idFlusso: string;

  @IsIn(TIPI_FLUSSO_SIUSS)
  tipo: TipoFlussoSiuss;

  @IsISO8601()
  @Descrizione('Data e ora di produzione del flusso (ms): il `since` di INPS')
  tsFlusso: string;

  @IsString()
  @Descrizione('Il documento XML del flusso, in base64')
  flusso: string;
}

export class ElencoFlussiSiussV1 {
  @Annidato(() => FlussoSiussV1, { lista: true })
  flussi: FlussoSiussV1[];
}

/** One esito of INPS on a flow. */
export class EsitoFlussoSiussV1 {
  @IsString()
  @MaxLength(64)
  idFlusso: string;

  @IsIn(TIPI_FLUSSO_SIUSS)
  tipo: TipoFlussoSiuss;

  @IsISO8601()
  tsFlusso: string;

  @IsISO8601()
  tsAcquisizione: string;

  @IsIn(CODICI_ESITO_SIUSS)
  codiceEsito: CodiceEsitoSiuss;

  @IsOptional()
  @IsString()
  @MaxLength(4096)
  descrizioneEsito?: string;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  idAcquisizioneSiuss?: string;
}

/** Request of `integrazioni.siuss.esiti.notifica` (POST /esiti). */
export class NotificaEsitiSiussV1 {
  @ArrayMaxSize(100)
  @Annidato(() => EsitoFlussoSiussV1, { lista: true })
  esiti: EsitoFlussoSiussV1[];
}

export class EsitiSiussRecepitiV1 {
  @Intero({ min: 0 })
  @Descrizione('Esiti riconciliati con un flusso offerto')
  riconciliati: number;

  @IsArray()
  @IsString({ each: true })
  @Descrizione('Identificativi di flusso che non corrispondono a nessun flusso offerto')
  sconosciuti: string[];
}

/** Request of `integrazioni.siuss.stato` (GET /status). */
export class LeggiStatoSiussV1 {
  /** Any text, unused: the request has no parameters (GET /status). */
  @IsOptional()
  @IsString()
  @MaxLength(64)
  sonda?: string;
}

export class StatoSiussV1 {
  @IsString()
  @Descrizione('ok, o il motivo per cui il servizio non può rispondere')
  stato: string;
}

/** Request of `integrazioni.siuss.record.elenca`: the records of a beneficio, or the latest ones. */
export class ElencaRecordSiussV1 {
  @IsOptional()
  @IsString()
  beneficioId?: string;

  @IsOptional()
  @IsUUID()
  @Descrizione('I record di una persona (anche quelli degli interventi del progetto)')
  personaId?: string;

  @IsOptional()
  @IsIn(STATI_RECORD_SIUSS)
  stato?: StatoRecordSiuss;
}

/** A SIUSS record as the Ufficio di Piano sees it: what was offered, refused and answered. */
export class RecordSiussV1 {
  @IsString()
  id: string;

  @Nullable()
  @IsString()
  @Descrizione('Il beneficio di misure del record; null per un intervento del progetto')
  beneficioId: string | null;

  @Nullable()
  @IsString()
  @Descrizione('L’intervento del progetto di presa in carico del record; null per un beneficio')
  interventoId: string | null;

  @Nullable()
  @IsString()
  @Descrizione('La versione della mappa SINA usata per la sezione SINA; null se il record non la porta')
  versioneSina: string | null;

  @Intero({ min: 2000, max: 2100 })
  anno: number;

  @IsIn(['I', 'C'])
  @Descrizione('I inserimento, C cancellazione (una rettifica è C più una nuova I)')
  tipoOperazione: 'I' | 'C';

  @Nullable()
  @IsString()
  @Descrizione('Identificativo del flusso; null per un record rifiutato (mai offerto)')
  idFlusso: string | null;

  @IsIn(STATI_RECORD_SIUSS)
  stato: StatoRecordSiuss;

  @Nullable()
  @IsString()
  @Descrizione('Perché il documento non è valido secondo l’XSD, o la descrizione dell’esito INPS')
  motivo: string | null;

  @Nullable()
  @IsString()
  codicePrestazione: string | null;

  @Nullable()
  @IsString()
  idAcquisizioneSiuss: string | null;

  @IsISO8601()
  creatoIl: string;
}

export class ElencoRecordSiussV1 {
  @Annidato(() => RecordSiussV1, { lista: true })
  record: RecordSiussV1[];
}

/** Request of `integrazioni.siuss.lotto.genera`: the XML batch of the insertions offered in a year. */
export class GeneraLottoSiussV1 {
  @Type(() => Number)
  @Intero({ min: 2000, max: 2100 })
  anno: number;
}

export class LottoSiussV1 {
  @IsString()
  @Descrizione('Nome del flusso (IdentificazioneFlusso/@Nome)')
  nome: string;

  @Intero({ min: 0 })
  beneficiari: number;

  @IsString()
  @Descrizione('Il documento XML PS-PSA-SINA, valido secondo PS_PSA_SINA201812.xsd')
  xml: string;
}
