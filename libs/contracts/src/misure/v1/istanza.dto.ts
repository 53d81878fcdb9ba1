import {
  ArrayMaxSize,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { GIORNO_ESISTENTE } from '../../common/giorno';
import { TestoMultiriga } from '../../common/input-pulito';
import { PaginazioneV1, paginaDi } from '../../common/pagination';
import { Annidato, Centesimi, Descrizione, Intero, Nullable } from '../../common/schema-decorators';
import { DichiarazioniIstanzaV1 } from './dati-istanza.dto';
import { IstruttoriaV1 } from './istruttorie.dto';
import { CODICE_STRUMENTO } from './regole.dto';
import {
  AREE,
  ESITI_ISTRUTTORIA,
  RICHIEDENTI,
  type Area,
  type EsitoIstruttoria,
  type Richiedente,
} from './vocabolari';

/*
 * An istanza: who presents it, for whom, for which strumento of an avviso, what it declares and which
 * documents it references. The persona (birth date, residence, domicile) and the state of its cartella
 * come from accesso and presa in carico, never from the istanza: they are not in these classes.
 */

/** Who presents the istanza: the person, a family member, the AdS or tutore, or an operator. */
export class RichiedenteV1 {
  @IsIn(RICHIEDENTI)
  @Descrizione('interessato, familiare, amministratore-di-sostegno, tutore, operatore')
  tipo: Richiedente;

  @ValidateIf((o: RichiedenteV1) => o.tipo !== 'interessato')
  @IsString()
  @IsNotEmpty({ message: 'nominativo: obbligatorio se non presenta l’interessato' })
  @MaxLength(200)
  @Descrizione('Nome e cognome di chi presenta, se non è l’interessato')
  nominativo?: string;

  @ValidateIf((o: RichiedenteV1) => o.tipo === 'amministratore-di-sostegno' || o.tipo === 'tutore')
  @IsString()
  @IsNotEmpty({ message: 'provvedimento: obbligatorio per amministratore di sostegno e tutore' })
  @MaxLength(200)
  @Descrizione('Provvedimento di nomina (AdS, tutore), es. «Trib. Cremona, decreto 123/2024»')
  provvedimento?: string;
}

/** A document the istanza references (no content: type, protocol or reference, date). */
export class DocumentoIstanzaV1 {
  @Matches(/^[a-z0-9][a-z0-9-]{1,39}$/, {
    message: 'tipo: minuscole, cifre e trattini, es. attestazione-isee, verbale-invalidita',
  })
  @Descrizione('Tipo di documento, es. attestazione-isee, verbale-invalidita, contratto-assistente')
  tipo: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  @Descrizione('Protocollo o riferimento del documento')
  riferimento: string;

  @Matches(GIORNO_ESISTENTE, { message: 'data: data nel formato AAAA-MM-GG' })
  data: string;
}

/** Request of `misure.istanza.presenta`. */
export class PresentaIstanzaV1 {
  @IsUUID()
  avvisoId: string;

  @IsUUID()
  @Descrizione('La persona in accesso per cui si presenta')
  personaId: string;

  @Matches(CODICE_STRUMENTO, { message: 'strumento: codice di uno strumento dell’avviso' })
  strumento: string;

  @Annidato(() => RichiedenteV1)
  richiedente: RichiedenteV1;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  @Descrizione(
    'Sede dove l’istanza è ricevuta (obbligatoria per gli operatori: una sede del proprio sub-ambito)',
  )
  sede?: string;

  @Annidato(() => DichiarazioniIstanzaV1)
  dichiarazioni: DichiarazioniIstanzaV1;

  @Annidato(() => DocumentoIstanzaV1, { lista: true })
  @ArrayMaxSize(30)
  documenti: DocumentoIstanzaV1[];
}

/** Request of `misure.istanza.modifica`: a new version, while the window is open. */
export class ModificaIstanzaV1 {
  @IsUUID()
  id: string;

  @Annidato(() => DichiarazioniIstanzaV1)
  dichiarazioni: DichiarazioniIstanzaV1;

  @Annidato(() => DocumentoIstanzaV1, { lista: true })
  @ArrayMaxSize(30)
  documenti: DocumentoIstanzaV1[];

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  @TestoMultiriga()
  @Descrizione('Perché si modifica (es. ISEE rinnovato)')
  note?: string;
}

/** Request of `misure.istanza.leggi`. */
export class LeggiIstanzaV1 {
  @IsUUID()
  id: string;
}

/** Request of `misure.istanza.elenca`: the istanze of an avviso visible to the user. */
export class ElencaIstanzeV1 extends PaginazioneV1 {
  @IsUUID()
  avvisoId: string;

  @IsOptional()
  @Matches(CODICE_STRUMENTO)
  strumento?: string;

  @IsOptional()
  @IsIn(ESITI_ISTRUTTORIA)
  esito?: EsitoIstruttoria;
}

/** A version of an istanza's declarations. */
export class VersioneIstanzaV1 {
  @Intero({ min: 1 })
  versione: number;

  @IsString()
  registrataDa: string;

  @IsISO8601()
  registrataIl: string;
}

/** An istanza in a list: its protocol, where it was received, and its last outcome. */
export class SintesiIstanzaV1 {
  @IsUUID()
  id: string;

  @IsUUID()
  avvisoId: string;

  @IsUUID()
  personaId: string;

  @IsString()
  strumento: string;

  @IsString()
  @Descrizione('Numero di protocollo, es. CREMA-2025-000123')
  protocollo: string;

  @IsISO8601()
  protocollataIl: string;

  @Nullable()
  @IsString()
  @Descrizione('Codice ISTAT del comune di residenza (da accesso)')
  comuneResidenza: string | null;

  @Nullable()
  @IsString()
  sede: string | null;

  @IsString()
  stato: string;

  @Intero({ min: 1 })
  versione: number;

  @Nullable()
  @IsIn(ESITI_ISTRUTTORIA)
  @Descrizione('Esito dell’ultima istruttoria (dopo la decisione dell’operatore, se c’è)')
  esito: EsitoIstruttoria | null;

  @Nullable()
  @IsIn(AREE)
  area: Area | null;

  @Nullable()
  @Centesimi()
  importoMensileCentesimi: number | null;

  @Nullable()
  @Centesimi()
  importoTotaleCentesimi: number | null;
}

export class PaginaIstanzeV1 extends paginaDi(SintesiIstanzaV1) {}

/** An istanza read whole: declarations, documents, versions and its last istruttoria. */
export class IstanzaV1 extends SintesiIstanzaV1 {
  @Annidato(() => RichiedenteV1)
  richiedente: RichiedenteV1;

  @Annidato(() => DichiarazioniIstanzaV1)
  dichiarazioni: DichiarazioniIstanzaV1;

  @Annidato(() => DocumentoIstanzaV1, { lista: true })
  documenti: DocumentoIstanzaV1[];

  @IsString()
  presentataDa: string;

  @Annidato(() => VersioneIstanzaV1, { lista: true })
  versioni: VersioneIstanzaV1[];

  @Nullable()
  @Annidato(() => IstruttoriaV1)
  ultimaIstruttoria: IstruttoriaV1 | null;
}
