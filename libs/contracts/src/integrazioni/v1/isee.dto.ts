import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { GIORNO_ESISTENTE } from '../../common/giorno';
import { PaginazioneV1, paginaDi } from '../../common/pagination';
import { Centesimi, Descrizione, DescrizioneClasse, Intero, Nullable } from '../../common/schema-decorators';
import { PROTOCOLLO_DSU } from '../../misure/v1/dati-istanza.dto';
import { TIPI_ISEE, type TipoIsee } from '../../misure/v1/vocabolari';

/** Outcomes of a consultation as misure reads them. */
export const ESITI_ISEE_ACQUISITO = ['verificato', 'non-trovato', 'non-consultabile'] as const;
export type EsitoIseeAcquisito = (typeof ESITI_ISEE_ACQUISITO)[number];

/**
 * `integrazioni.isee.acquisito`: the ISEE INPS returned for an istanza's declared attestation. Ids and
 * the values the istruttoria needs only: no codice fiscale, no name.
 */
@DescrizioneClasse('L’ISEE dichiarato in un’istanza è stato verificato presso INPS (ConsultazioneIndicatore)')
export class IseeAcquisitoV1 {
  @IsUUID()
  consultazioneId: string;

  @IsUUID()
  istanzaId: string;

  @IsIn(TIPI_ISEE)
  @Descrizione('Tipo dell’attestazione dichiarata che è stata verificata')
  tipo: TipoIsee;

  @IsIn(ESITI_ISEE_ACQUISITO)
  @Descrizione(
    '`verificato`: INPS ha restituito l’indicatore; `non-trovato`: nessuna DSU valida (DATI_NON_TROVATI); `non-consultabile`: codice fiscale incompleto o richiesta rifiutata',
  )
  esito: EsitoIseeAcquisito;

  @Nullable()
  @Centesimi()
  @Descrizione('Valore ISEE restituito da INPS (centesimi); null se non verificato')
  valoreCentesimi: number | null;

  @Nullable()
  @Matches(PROTOCOLLO_DSU)
  protocolloDsu: string | null;

  @Nullable()
  @Matches(GIORNO_ESISTENTE)
  @Descrizione('Data di presentazione della DSU secondo INPS')
  dataPresentazione: string | null;

  @IsISO8601()
  acquisitoIl: string;
}

export const STATI_CONSULTAZIONE = ['in-coda', 'completata', 'fallita'] as const;
export type StatoConsultazione = (typeof STATI_CONSULTAZIONE)[number];

/** Request of `integrazioni.isee.consultazioni.elenca`. */
export class ElencaConsultazioniIseeV1 extends PaginazioneV1 {
  @IsOptional()
  @IsIn(STATI_CONSULTAZIONE)
  @Descrizione('Solo le consultazioni in questo stato (es. `fallita`: da riprovare)')
  stato?: StatoConsultazione;
}

/** One consultation of INPS for an istanza, as an administrator follows it (no codice fiscale). */
export class ConsultazioneIseeV1 {
  @IsUUID()
  id: string;

  @IsUUID()
  istanzaId: string;

  @IsString()
  protocolloIstanza: string;

  @IsIn(TIPI_ISEE)
  tipo: TipoIsee;

  @IsIn(STATI_CONSULTAZIONE)
  stato: StatoConsultazione;

  @Intero({ min: 0 })
  @Descrizione('Chiamate a INPS fatte finora')
  tentativi: number;

  @Nullable()
  @IsString()
  @Descrizione('Ultimo esito ricevuto (es. DATABASE_OFFLINE, HTTP_429, LIMITE_GIORNALIERO, TIMEOUT)')
  ultimoEsito: string | null;

  @Nullable()
  @IsISO8601()
  @Descrizione('Quando sarà ritentata (in coda)')
  prossimoTentativo: string | null;

  @IsISO8601()
  creataIl: string;

  @Nullable()
  @IsISO8601()
  conclusaIl: string | null;
}

export class PaginaConsultazioniIseeV1 extends paginaDi(ConsultazioneIseeV1) {}

/** Request of `integrazioni.isee.consultazioni.riprova`: a failed consultation back in the queue. */
export class RiprovaConsultazioneIseeV1 {
  @IsUUID()
  id: string;

  @IsString()
  @MaxLength(300)
  @Descrizione('Perché la si riprova (registrato)')
  motivo: string;
}
