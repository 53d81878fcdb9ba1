import { IsOptional, IsString, MaxLength } from 'class-validator';
import { Descrizione, Intero, Nullable } from '../../common/schema-decorators';

/** Request of `integrazioni.stato.leggi` (a GET route fills it from the query string). */
export class LeggiStatoIntegrazioniV1 {
  /** Any text, returned as is: to tell one probe from another. */
  @IsOptional()
  @IsString()
  @MaxLength(64)
  sonda?: string;
}

/** Reply of `integrazioni.stato.leggi`. */
export class StatoIntegrazioniV1 {
  @IsString()
  @Descrizione('Nome del servizio')
  servizio: string;

  @IsString()
  @Descrizione('Versione della piattaforma')
  versione: string;

  @Intero({ min: 0 })
  @Descrizione('Eventi scritti nell’outbox transazionale del servizio')
  messaggiOutbox: number;

  @Nullable()
  @IsString()
  @Descrizione('La sonda della richiesta, se data')
  sonda: string | null;
}
