import { DescrizioneClasse } from '../../common/schema-decorators';
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
  ValidateNested,
} from 'class-validator';
import { PaginazioneV1, paginaDi } from '../../common/pagination';
import { Annidato, Descrizione, Intero, Nullable } from '../../common/schema-decorators';
import { CODICE_FISCALE_PATTERN, ISO_DATE_PATTERN, ISTAT_PATTERN } from '../../accesso/v1/persona.dto';
import { SESSI, URGENZE, type Sesso, type Urgenza } from '../../accesso/v1/vocabolari';
import { MembroEquipeCasoV1 } from './equipe.dto';
import { ComponenteNucleoV1 } from './nucleo.dto';
import { OperatoreCartellaV1 } from './operatore.dto';
import { InterventoMisuraV1 } from './interventi-misure.dto';
import { ProgettoV1 } from './progetto.dto';
import { ValutazioneV1 } from './valutazione.dto';
import {
  MOTIVI_CHIUSURA,
  ORIGINI_APERTURA_DIRETTA,
  ORIGINI_PROPOSTA,
  STATI_CARTELLA,
  STATI_PROPOSTA,
  type MotivoChiusura,
  type OrigineProposta,
  type StatoCartella,
  type StatoProposta,
} from './vocabolari';
import { TestoMultiriga } from '../../common/input-pulito';

export class PersonaCartellaV1 {
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

  @IsIn(SESSI)
  sesso: Sesso;

  /** ISTAT code of the comune of residence: it decides the sub-ambito and the comune that decides. */
  @Matches(ISTAT_PATTERN, { message: 'comuneResidenza: codice ISTAT di 6 cifre' })
  comuneResidenza: string;
}

/** Direct opening: a specialist service's report, a court mandate, a hospital discharge. */
export class ApriCartellaV1 {
  @ValidateNested()
  @Type(() => PersonaCartellaV1)
  persona: PersonaCartellaV1;

  @IsIn(ORIGINI_APERTURA_DIRETTA, {
    message:
      'origine: segnalazione-servizio-specialistico, mandato-autorita-giudiziaria o dimissione-protetta',
  })
  origine: (typeof ORIGINI_APERTURA_DIRETTA)[number];

  /** Who sent the case (e.g. "Tribunale per i Minorenni di Brescia", "ASST Crema – reparto di medicina"). */
  @IsString()
  @IsNotEmpty({ message: 'inviante: obbligatorio' })
  @MaxLength(200)
  inviante: string;

  @IsString()
  @IsNotEmpty({ message: 'motivazione: obbligatoria' })
  @MaxLength(4000)
  @TestoMultiriga()
  motivazione: string;

  @IsIn(URGENZE, { message: 'urgenza: ordinaria, prioritaria o urgente' })
  urgenza: Urgenza;

  /**
   * The persona in the registry of the segretariato (accesso), when registered there: its later
   * changes of residence then move the cartella to the équipe of the new sub-ambito.
   */
  @IsOptional()
  @IsUUID()
  @Descrizione('Identificativo della persona nell’anagrafe del segretariato sociale, se registrata')
  personaId?: string;
}

export class AssegnaCartellaV1 {
  @IsUUID()
  id: string;

  /** User id of the assistente sociale of the sub-ambito's équipe who becomes case manager. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  caseManagerId: string;

  @IsOptional()
  @IsString()
  @MaxLength(4000)
  @TestoMultiriga()
  note?: string;
}

export class ChiudiCartellaV1 {
  @IsUUID()
  id: string;

  @IsIn(MOTIVI_CHIUSURA, {
    message: 'motivo: obiettivi-raggiunti, trasferimento, decesso, rinuncia o passaggio-altro-servizio',
  })
  motivo: MotivoChiusura;

  @IsOptional()
  @IsString()
  @MaxLength(4000)
  @TestoMultiriga()
  note?: string;
}

/** Change of residence: a comune of another sub-ambito moves the case to that équipe, with its history. */
export class TrasferisciCartellaV1 {
  @IsUUID()
  id: string;

  @Matches(ISTAT_PATTERN, { message: 'comuneResidenza: codice ISTAT di 6 cifre' })
  comuneResidenza: string;

  @IsOptional()
  @IsString()
  @MaxLength(4000)
  @TestoMultiriga()
  note?: string;
}

export class LeggiCartellaV1 {
  @IsUUID()
  id: string;
}

export class ElencaCartelleV1 extends PaginazioneV1 {
  @IsOptional()
  @IsIn(STATI_CARTELLA)
  stato?: StatoCartella;

  @IsOptional()
  @IsString()
  subAmbito?: string;

  @IsOptional()
  @Matches(ISTAT_PATTERN)
  comune?: string;

  @IsOptional()
  @IsString()
  caseManager?: string;
}

@DescrizioneClasse('Proposta di presa in carico')
export class PropostaV1 {
  @IsUUID()
  id: string;

  @IsIn(ORIGINI_PROPOSTA)
  origine: OrigineProposta;

  /** The accesso it came from, for `origine = accesso`. */
  @Nullable()
  @IsUUID()
  @Descrizione('Accesso da cui proviene')
  accessoId: string | null;

  @Nullable()
  @IsString()
  @Descrizione('Chi ha inviato il caso')
  inviante: string | null;

  @Nullable()
  @IsString()
  motivazione: string | null;

  @Nullable()
  @IsIn(URGENZE)
  urgenza: Urgenza | null;

  @IsIn(STATI_PROPOSTA)
  stato: StatoProposta;

  @IsISO8601()
  @Descrizione('Quando è entrata in coda')
  ricevutaIl: string;
}

@DescrizioneClasse('Assegnazione del case manager (storico)')
export class AssegnazioneV1 {
  @Annidato(() => OperatoreCartellaV1)
  caseManager: OperatoreCartellaV1;

  @IsString()
  assegnataDa: string;

  @IsISO8601()
  @Descrizione('Inizio')
  dal: string;

  /** Null for the current assignment. */
  @Nullable()
  @IsISO8601()
  @Descrizione('Fine (null per l’assegnazione corrente)')
  al: string | null;

  @Nullable()
  @IsString()
  note: string | null;
}

/** Who the cartella is about. */
@DescrizioneClasse('Persona della cartella')
export class AnagraficaCartellaV1 {
  @IsString()
  codiceFiscale: string;

  @IsString()
  cognome: string;

  @IsString()
  nome: string;

  @Matches(ISO_DATE_PATTERN)
  @Descrizione('Data di nascita')
  dataNascita: string;

  @IsIn(SESSI)
  sesso: Sesso;
}

@DescrizioneClasse('Chiusura della cartella')
export class ChiusuraCartellaV1 {
  @IsIn(MOTIVI_CHIUSURA)
  motivo: MotivoChiusura;

  @IsISO8601()
  @Descrizione('Quando')
  il: string;

  @IsString()
  da: string;

  @Nullable()
  @IsString()
  note: string | null;
}

/** A cartella in a list: no assessments or projects. */
@DescrizioneClasse('Cartella sociale (sintesi)')
export class CartellaSintesiV1 {
  @IsUUID()
  id: string;

  @Annidato(() => AnagraficaCartellaV1)
  persona: AnagraficaCartellaV1;

  @Matches(ISTAT_PATTERN)
  @Descrizione('Codice ISTAT: decide il sub-ambito dell’équipe e il Comune che decide')
  comuneResidenza: string;

  @IsString()
  @Descrizione('Sub-ambito della cui équipe è la cartella')
  subAmbito: string;

  @IsIn(STATI_CARTELLA)
  stato: StatoCartella;

  /** Episodes of care: a reopening after closure starts a new one. */
  @Intero({ min: 1 })
  @Descrizione('Episodio di presa in carico (una riapertura ne inizia uno nuovo)')
  episodio: number;

  @Nullable()
  @Annidato(() => OperatoreCartellaV1)
  caseManager: OperatoreCartellaV1 | null;

  @IsISO8601()
  @Descrizione('Creazione della cartella')
  apertaIl: string;

  @Nullable()
  @Annidato(() => ChiusuraCartellaV1)
  chiusura: ChiusuraCartellaV1 | null;

  @Annidato(() => PropostaV1, { lista: true })
  proposte: PropostaV1[];
}

@DescrizioneClasse('Cartella sociale')
export class CartellaV1 extends CartellaSintesiV1 {
  @Annidato(() => AssegnazioneV1, { lista: true })
  assegnazioni: AssegnazioneV1[];

  @Annidato(() => ComponenteNucleoV1, { lista: true })
  @Descrizione('Nucleo familiare: componenti e relazione con la persona')
  nucleo: ComponenteNucleoV1[];

  /** Équipe members currently working the case besides the case manager. */
  @Annidato(() => MembroEquipeCasoV1, { lista: true })
  @Descrizione('Membri dell’équipe che lavorano il caso oltre al case manager')
  equipe: MembroEquipeCasoV1[];

  @Annidato(() => ValutazioneV1, { lista: true })
  valutazioni: ValutazioneV1[];

  /** Every version, newest first. */
  @Annidato(() => ProgettoV1, { lista: true })
  @Descrizione('Tutte le versioni, dalla più recente')
  progetti: ProgettoV1[];

  /** Always sent by the service; optional for the readers of older replies. */
  @IsOptional()
  @Annidato(() => InterventoMisuraV1, { lista: true })
  @Descrizione(
    'Interventi dalle misure (B2, Dopo di Noi, Pro.Vi.) concessi alla persona, con stato, sospensioni e mensilità liquidate',
  )
  interventiMisure?: InterventoMisuraV1[];
}

export class PaginaCartelleV1 extends paginaDi(CartellaSintesiV1) {}

export const ESITI_APERTURA = ['aperta', 'inoltrata'] as const;
export type EsitoApertura = (typeof ESITI_APERTURA)[number];

/**
 * What a direct opening did. `aperta`: the cartella is in the actor's sub-ambito (new, reused or
 * reopened) and comes whole. `inoltrata`: the person already has a cartella in another sub-ambito; the
 * proposta went to that équipe's queue and nothing of the cartella comes back (cartelle change
 * sub-ambito only by trasferimento).
 */
@DescrizioneClasse('Esito di un’apertura diretta di cartella')
export class AperturaCartellaV1 {
  @IsIn(ESITI_APERTURA)
  @Descrizione(
    '`aperta`: cartella del proprio sub-ambito; `inoltrata`: la persona ha una cartella in un altro sub-ambito, la proposta è stata inoltrata alla sua équipe',
  )
  esito: EsitoApertura;

  @Nullable()
  @Annidato(() => CartellaV1)
  @Descrizione('La cartella, solo se `aperta`')
  cartella: CartellaV1 | null;
}
