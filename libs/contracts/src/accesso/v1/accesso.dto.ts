import { Type } from 'class-transformer';
import {
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PaginazioneV1, paginaDi } from '../../common/pagination';
import { Annidato, Descrizione, Intero, Nullable } from '../../common/schema-decorators';
import { ISO_DATE_PATTERN, ISTAT_PATTERN } from './persona.dto';
import {
  AREE_BISOGNO,
  CANALI,
  PRESENTATO_DA,
  STATI_ACCESSO,
  TIPI_ESITO,
  URGENZE,
  type AreaBisogno,
  type Canale,
  type PresentatoDa,
  type StatoAccesso,
  type TipoEsito,
  type Urgenza,
} from './vocabolari';

export class RegistraAccessoV1 {
  @IsUUID()
  personaId: string;

  /** When the colloquio took place (ISO instant); defaults to now. */
  @IsOptional()
  @IsISO8601({ strict: true })
  dataOra?: string;

  @IsString()
  @IsNotEmpty()
  sede: string;

  @IsIn(CANALI)
  canale: Canale;

  @IsIn(PRESENTATO_DA)
  presentatoDa: PresentatoDa;

  /** Who came on the person's behalf, when not the person. */
  @ValidateIf((o: RegistraAccessoV1) => o.presentatoDa !== 'interessato')
  @IsString()
  @IsNotEmpty({ message: 'referente: obbligatorio se non si presenta l’interessato' })
  @MaxLength(200)
  referente?: string;

  @IsIn(AREE_BISOGNO)
  areaBisogno: AreaBisogno;

  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  richiesta: string;

  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string;
}

/** Corrections to an accesso that is still open. */
export class AggiornaAccessoV1 {
  @IsUUID()
  id: string;

  @IsOptional()
  @IsIn(CANALI)
  canale?: Canale;

  @IsOptional()
  @IsIn(AREE_BISOGNO)
  areaBisogno?: AreaBisogno;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  richiesta?: string;

  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string;
}

export class EsitoV1 {
  @IsIn(TIPI_ESITO)
  tipo: TipoEsito;

  /** The service the person is sent or reported to. */
  @ValidateIf(
    (o: EsitoV1) => o.tipo === 'invio-altro-servizio' || o.tipo === 'segnalazione-servizio-specialistico',
  )
  @IsString()
  @IsNotEmpty({ message: 'servizio: obbligatorio per invio o segnalazione' })
  @MaxLength(200)
  servizio?: string;

  @ValidateIf((o: EsitoV1) => o.tipo === 'proposta-presa-in-carico')
  @IsString()
  @IsNotEmpty({ message: 'motivazione: obbligatoria per la proposta di presa in carico' })
  @MaxLength(4000)
  motivazione?: string;

  @ValidateIf((o: EsitoV1) => o.tipo === 'proposta-presa-in-carico')
  @IsIn(URGENZE, { message: 'urgenza: ordinaria, prioritaria o urgente' })
  urgenza?: Urgenza;

  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string;
}

export class ChiudiAccessoV1 {
  @IsUUID()
  id: string;

  @ValidateNested()
  @Type(() => EsitoV1)
  esito: EsitoV1;
}

export class AnnotaAccessoV1 {
  @IsUUID()
  id: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  testo: string;
}

export class LeggiAccessoV1 {
  @IsUUID()
  id: string;
}

export class ElencaAccessiV1 extends PaginazioneV1 {
  @IsOptional()
  @IsString()
  sede?: string;

  @IsOptional()
  @IsString()
  subAmbito?: string;

  /** Comune of residence of the person (ISTAT). */
  @IsOptional()
  @Matches(ISTAT_PATTERN)
  comune?: string;

  @IsOptional()
  @IsString()
  operatore?: string;

  @IsOptional()
  @IsUUID()
  personaId?: string;

  @IsOptional()
  @Matches(ISO_DATE_PATTERN, { message: 'dal: formato AAAA-MM-GG' })
  dal?: string;

  @IsOptional()
  @Matches(ISO_DATE_PATTERN, { message: 'al: formato AAAA-MM-GG' })
  al?: string;

  @IsOptional()
  @IsIn(AREE_BISOGNO)
  areaBisogno?: AreaBisogno;

  @IsOptional()
  @IsIn(STATI_ACCESSO)
  stato?: StatoAccesso;

  @IsOptional()
  @IsIn(TIPI_ESITO)
  esito?: TipoEsito;
}

export const GRANULARITA = ['giorno', 'mese'] as const;
export type Granularita = (typeof GRANULARITA)[number];

export class ContatoriAccessiV1 {
  @Matches(ISO_DATE_PATTERN, { message: 'dal: formato AAAA-MM-GG' })
  dal: string;

  @Matches(ISO_DATE_PATTERN, { message: 'al: formato AAAA-MM-GG' })
  al: string;

  @IsIn(GRANULARITA)
  granularita: Granularita;

  @IsOptional()
  @IsString()
  subAmbito?: string;

  @IsOptional()
  @Matches(ISTAT_PATTERN)
  comune?: string;
}

export class EsitoAccessoV1 {
  @IsIn(TIPI_ESITO)
  tipo: TipoEsito;

  @Nullable()
  @IsString()
  servizio: string | null;

  @Nullable()
  @IsString()
  motivazione: string | null;

  @Nullable()
  @IsIn(URGENZE)
  urgenza: Urgenza | null;

  @Nullable()
  @IsString()
  note: string | null;
}

export class AnnotazioneV1 {
  @IsString()
  testo: string;

  @IsString()
  autore: string;

  @IsISO8601()
  il: string;
}

export class PersonaInAccessoV1 {
  @IsUUID()
  id: string;

  @IsString()
  codiceFiscale: string;

  @IsString()
  cognome: string;

  @IsString()
  nome: string;
}

export class OperatoreV1 {
  @IsString()
  id: string;

  @IsString()
  nome: string;
}

export class AccessoV1 {
  @IsUUID()
  id: string;

  @Annidato(() => PersonaInAccessoV1)
  persona: PersonaInAccessoV1;

  @Matches(ISTAT_PATTERN)
  comuneResidenza: string;

  @IsISO8601()
  dataOra: string;

  @IsString()
  sede: string;

  @IsString()
  subAmbito: string;

  @Annidato(() => OperatoreV1)
  operatore: OperatoreV1;

  @IsIn(CANALI)
  canale: Canale;

  @IsIn(PRESENTATO_DA)
  presentatoDa: PresentatoDa;

  @Nullable()
  @IsString()
  referente: string | null;

  @IsIn(AREE_BISOGNO)
  areaBisogno: AreaBisogno;

  @IsString()
  richiesta: string;

  @Nullable()
  @IsString()
  note: string | null;

  @IsIn(STATI_ACCESSO)
  stato: StatoAccesso;

  @Nullable()
  @Annidato(() => EsitoAccessoV1)
  esito: EsitoAccessoV1 | null;

  @Nullable()
  @IsISO8601()
  chiusoIl: string | null;

  @Annidato(() => AnnotazioneV1, { lista: true })
  annotazioni: AnnotazioneV1[];
}

export class PaginaAccessiV1 extends paginaDi(AccessoV1) {}

export class ContatoreAccessiV1 {
  /** `YYYY-MM-DD` or `YYYY-MM`. */
  @Matches(/^\d{4}-\d{2}(-\d{2})?$/)
  periodo: string;

  @IsIn(AREE_BISOGNO)
  areaBisogno: AreaBisogno;

  @Matches(ISTAT_PATTERN)
  comune: string;

  @Intero({ min: 0 })
  totale: number;
}

export class ContatoriAccessiRispostaV1 {
  @Matches(ISO_DATE_PATTERN)
  dal: string;

  @Matches(ISO_DATE_PATTERN)
  al: string;

  @IsIn(GRANULARITA)
  granularita: Granularita;

  @Annidato(() => ContatoreAccessiV1, { lista: true })
  righe: ContatoreAccessiV1[];

  @Intero({ min: 0 })
  @Descrizione('Somma delle righe pubblicate (le celle omesse non vi sono comprese)')
  totale: number;

  @Intero({ min: 0 })
  @Descrizione(
    'Celle non pubblicate per riservatezza: meno persone della soglia, celle che la rivelerebbero per differenza, mese non ancora concluso',
  )
  celleOmesse: number;

  /** Null when the actor sees its own territory in full (operators with rights on the persons). */
  @Nullable()
  @Intero({ min: 1 })
  @Descrizione(
    'Numero minimo di persone distinte dietro ogni cella pubblicata (ruoli che vedono solo dati aggregati); null per chi vede in chiaro il proprio territorio',
  )
  sogliaPersone: number | null;
}
