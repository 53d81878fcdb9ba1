import { DescrizioneClasse } from '../../common/schema-decorators';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ISO_DATE_PATTERN } from '../../accesso/v1/persona.dto';
import { Annidato, Centesimi, Descrizione, Intero, Nullable } from '../../common/schema-decorators';
import {
  AREE_UTENZA,
  CARATTERI_PRESTAZIONE,
  PRESENZE_PROVA_MEZZI,
  TIPI_PROGETTO,
  TIPI_RISORSA,
  type TipoRisorsa,
  type AreaUtenza,
  type CaratterePrestazione,
  type PresenzaProvaMezzi,
  type TipoProgetto,
  CODICE_PRESTAZIONE_PATTERN,
  FONTI_FINANZIAMENTO,
  STATI_PROGETTO,
  UNITA_INTENSITA,
  type FonteFinanziamento,
  type StatoProgetto,
  type UnitaIntensita,
} from './vocabolari';
import { TestoMultiriga } from '../../common/input-pulito';
import { CODICE_PATTERN } from '../../budget/v1/importo';

export const ESITI_DECISIONE = ['approvato', 'respinto'] as const;
export type EsitoDecisione = (typeof ESITI_DECISIONE)[number];

export class ObiettivoV1 {
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  @TestoMultiriga()
  descrizione: string;

  @IsString()
  @IsNotEmpty({ message: 'indicatore: obbligatorio' })
  @MaxLength(1000)
  @TestoMultiriga()
  indicatore: string;

  @IsString()
  @IsNotEmpty({ message: 'risultatoAtteso: obbligatorio' })
  @MaxLength(1000)
  @TestoMultiriga()
  risultatoAtteso: string;
}

export class IntensitaV1 {
  @IsInt()
  @Min(1)
  @Max(1000)
  quantita: number;

  @IsIn(UNITA_INTENSITA)
  unita: UnitaIntensita;
}

/**
 * Where the money of an intervento comes from in the Ambito's budget: the budget service's codes of
 * the fund and of the line (or sub-line) of spesa and the year of the fund's annualità, the same keys
 * an impegno names (`budget.impegno.richiedi`). Checked for shape here; the budget checks they exist
 * when the misure service commits the money.
 */
@DescrizioneClasse('Imputazione al budget dell’Ambito: fondo, linea e annualità')
export class ImputazioneBudgetV1 {
  @Matches(CODICE_PATTERN, { message: 'fondo: codice del fondo nel budget, es. FNA-B2' })
  @Descrizione('Codice del fondo nel budget, es. FNA-B2')
  fondo: string;

  @Matches(CODICE_PATTERN, { message: 'linea: codice della linea di spesa nel budget, es. PO2020-7.10' })
  @Descrizione('Codice della linea di spesa nel budget, es. PO2020-7.10')
  linea: string;

  @IsInt({ message: 'annualita: anno dell’annualità del fondo, es. 2025' })
  @Min(2000, { message: 'annualita: anno dell’annualità del fondo, es. 2025' })
  @Max(2100, { message: 'annualita: anno dell’annualità del fondo, es. 2025' })
  @Descrizione('Anno dell’annualità del fondo (es. FNA 2025), distinto dall’esercizio')
  annualita: number;
}

/**
 * A resource of the budget di progetto that is not money: the time of a professional, the help of a
 * person (family, volunteer, caregiver), a relation (neighbourhood, association, school).
 */
@DescrizioneClasse('Risorsa non economica del budget di progetto')
export class RisorsaProgettoV1 {
  @IsIn(TIPI_RISORSA)
  @Descrizione('professionale, umana (familiari, volontari) o relazionale (reti, associazioni)')
  tipo: TipoRisorsa;

  @IsString()
  @IsNotEmpty({ message: 'descrizione: obbligatoria' })
  @MaxLength(500)
  @Descrizione('Che cosa, es. educatore professionale, vicina di casa, gruppo di cammino')
  descrizione: string;

  @IsString()
  @IsNotEmpty({ message: 'fornitaDa: obbligatorio' })
  @MaxLength(200)
  @Descrizione('Chi la mette a disposizione, es. ASST Crema, figlia, parrocchia')
  fornitaDa: string;

  @IsOptional()
  @Nullable()
  @ValidateNested()
  @Type(() => IntensitaV1)
  @Descrizione('Impegno, quando misurabile')
  impegno?: IntensitaV1 | null;
}

/** A suspension of an intervento stated by the progetto (e.g. care at home interrupted for a period). */
export class SospensioneInterventoV1 {
  @Matches(ISO_DATE_PATTERN, { message: 'dal: formato AAAA-MM-GG' })
  @Descrizione('Primo giorno di sospensione')
  dal: string;

  @IsOptional()
  @Nullable()
  @Matches(ISO_DATE_PATTERN, { message: 'al: formato AAAA-MM-GG' })
  @Descrizione('Ultimo giorno di sospensione; null se aperta')
  al?: string | null;
}

export class InterventoV1 {
  /** SIUSS `CodicePrestazione`, e.g. `A2.07` (assistenza domiciliare socio-assistenziale). */
  @Matches(CODICE_PRESTAZIONE_PATTERN, { message: 'codicePrestazione: codice SIUSS, es. A2.07' })
  codicePrestazione: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  denominazione: string;

  @IsString()
  @IsNotEmpty({ message: 'erogatore: obbligatorio' })
  @MaxLength(200)
  erogatore: string;

  @ValidateNested()
  @Type(() => IntensitaV1)
  intensita: IntensitaV1;

  @Matches(ISO_DATE_PATTERN, { message: 'dal: formato AAAA-MM-GG' })
  dal: string;

  @Matches(ISO_DATE_PATTERN, { message: 'al: formato AAAA-MM-GG' })
  al: string;

  /** Cost over the period, in euro cents. */
  @IsInt({ message: 'costoCentesimi: intero in centesimi di euro' })
  @Min(0)
  costoCentesimi: number;

  @IsIn(FONTI_FINANZIAMENTO)
  fonteFinanziamento: FonteFinanziamento;

  /** Required for a fund of the Ambito's budget, refused for money from outside it (IMPUTAZIONE_NON_VALIDA). */
  @IsOptional()
  @ValidateNested()
  @Type(() => ImputazioneBudgetV1)
  imputazione?: ImputazioneBudgetV1;

  // What SIUSS needs of the prestazione (PS_PSA_SINA201812.xsd), optional where existing data lacks it.

  /** SIUSS `PresenzaProvaMezzi`: 1 ISEE, 2 prova dei mezzi non ISEE, 3 ISEE sottratta, 4 nessuna. */
  @IsOptional()
  @IsIn(PRESENZE_PROVA_MEZZI)
  presenzaProvaMezzi?: PresenzaProvaMezzi;

  /** SIUSS `CaratterePrestazione`: 1 periodico, 2 occasionale (unica soluzione). */
  @IsOptional()
  @IsIn(CARATTERI_PRESTAZIONE)
  caratterePrestazione?: CaratterePrestazione;

  /** SIUSS `ImportoMensile`, in euro cents. */
  @IsOptional()
  @IsInt({ message: 'importoMensileCentesimi: intero in centesimi di euro' })
  @Min(0)
  importoMensileCentesimi?: number;

  /** SIUSS `PeriodoErogazione`: months of the year the prestazione is paid (1–12). */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(12)
  periodoErogazione?: number;

  /** SIUSS `ImportoQuotaEnte`, in euro cents. */
  @IsOptional()
  @IsInt()
  @Min(0)
  quotaEnteCentesimi?: number;

  /** SIUSS `ImportoQuotaUtente`, in euro cents. */
  @IsOptional()
  @IsInt()
  @Min(0)
  quotaUtenteCentesimi?: number;

  /** SIUSS `ImportoQuotaSSN`, in euro cents. */
  @IsOptional()
  @IsInt()
  @Min(0)
  quotaSsnCentesimi?: number;

  /** SIUSS `AreaUtenza`: 1 famiglia e minori, 2 disabilità e non autosufficienza, 3 povertà. */
  @IsOptional()
  @IsIn(AREE_UTENZA)
  areaUtenza?: AreaUtenza;

  /** SIUSS `ProtocolloDomanda`: the protocol number of the application (1–32 characters). */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  protocolloDomanda?: string;

  /**
   * The intervento from the misure of the person's cartella (a beneficio of misure) this intervento
   * of the progetto is: its end, its end date and its suspension flow back to the beneficio when a
   * version is approved (INTERVENTO_MISURA_NON_TROVATO when the cartella has no such intervento).
   */
  @IsOptional()
  @IsUUID()
  interventoMisuraId?: string;

  /** A suspension of the intervento within its period; only for an intervento from the misure. */
  @IsOptional()
  @ValidateNested()
  @Type(() => SospensioneInterventoV1)
  sospensione?: SospensioneInterventoV1;
}

export class VerificaProgrammataV1 {
  @Matches(ISO_DATE_PATTERN, { message: 'data: formato AAAA-MM-GG' })
  data: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  @TestoMultiriga()
  oggetto: string;
}

/** The équipe's proposal: a first project, or a revision of the approved one (a new version). */
export class ProponiProgettoV1 {
  /** The cartella. */
  @IsUUID()
  id: string;

  @Matches(ISO_DATE_PATTERN, { message: 'dataInizio: formato AAAA-MM-GG' })
  dataInizio: string;

  @Matches(ISO_DATE_PATTERN, { message: 'dataFine: formato AAAA-MM-GG' })
  dataFine: string;

  @IsArray()
  @ArrayMinSize(1, { message: 'obiettivi: almeno uno' })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ObiettivoV1)
  obiettivi: ObiettivoV1[];

  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => InterventoV1)
  interventi: InterventoV1[];

  @IsArray()
  @ArrayMinSize(1, { message: 'verifiche: almeno una verifica programmata' })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => VerificaProgrammataV1)
  verifiche: VerificaProgrammataV1[];

  /** Commitments of the person and of the family. */
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  @MaxLength(1000, { each: true })
  @TestoMultiriga()
  impegni?: string[];

  /** The person (or guardian) agreed to the project. */
  @IsBoolean()
  consensoPersona: boolean;

  /** Progetto individuale (L. 328/2000 art. 14), PaIS or Progetto di Vita (L.R. 25/2022). */
  @IsOptional()
  @IsIn(TIPI_PROGETTO)
  tipo?: TipoProgetto;

  /** The budget di progetto beyond money: professional, human and relational resources. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => RisorsaProgettoV1)
  risorse?: RisorsaProgettoV1[];
}

export class ApprovaProgettoV1 {
  /** The project version. */
  @IsUUID()
  id: string;

  @IsOptional()
  @IsString()
  @MaxLength(4000)
  @TestoMultiriga()
  motivazione?: string;
}

export class RespingiProgettoV1 {
  @IsUUID()
  id: string;

  @IsString()
  @IsNotEmpty({ message: 'motivazione: obbligatoria per respingere' })
  @MaxLength(4000)
  @TestoMultiriga()
  motivazione: string;
}

@DescrizioneClasse('Intervento del progetto')
export class InterventoProgettoV1 {
  @IsString()
  @Descrizione('Codice SIUSS, es. A2.07')
  codicePrestazione: string;

  @IsString()
  denominazione: string;

  @IsString()
  erogatore: string;

  @Annidato(() => IntensitaV1)
  intensita: IntensitaV1;

  @Matches(ISO_DATE_PATTERN)
  @Descrizione('Inizio')
  dal: string;

  @Matches(ISO_DATE_PATTERN)
  @Descrizione('Fine')
  al: string;

  @Centesimi()
  @Descrizione('Costo nel periodo, in centesimi di euro')
  costoCentesimi: number;

  @IsIn(FONTI_FINANZIAMENTO)
  fonteFinanziamento: FonteFinanziamento;

  /** Always sent by the service; optional for the readers of older replies. */
  @IsOptional()
  @Nullable()
  @Annidato(() => ImputazioneBudgetV1)
  @Descrizione('Fondo, linea e annualità del budget dell’Ambito; null per le fonti fuori dal budget')
  imputazione?: ImputazioneBudgetV1 | null;

  @Nullable()
  @IsIn(PRESENZE_PROVA_MEZZI)
  @Descrizione('SIUSS PresenzaProvaMezzi: 1 ISEE, 2 prova dei mezzi non ISEE, 3 ISEE sottratta, 4 nessuna')
  presenzaProvaMezzi: PresenzaProvaMezzi | null;

  @Nullable()
  @IsIn(CARATTERI_PRESTAZIONE)
  @Descrizione('SIUSS CaratterePrestazione: 1 periodico, 2 occasionale')
  caratterePrestazione: CaratterePrestazione | null;

  @Nullable()
  @Centesimi()
  @Descrizione('SIUSS ImportoMensile, in centesimi')
  importoMensileCentesimi: number | null;

  @Nullable()
  @Intero({ min: 1, max: 12 })
  @Descrizione('SIUSS PeriodoErogazione: mesi di erogazione')
  periodoErogazione: number | null;

  @Nullable()
  @Centesimi()
  @Descrizione('SIUSS ImportoQuotaEnte, in centesimi')
  quotaEnteCentesimi: number | null;

  @Nullable()
  @Centesimi()
  @Descrizione('SIUSS ImportoQuotaUtente, in centesimi')
  quotaUtenteCentesimi: number | null;

  @Nullable()
  @Centesimi()
  @Descrizione('SIUSS ImportoQuotaSSN, in centesimi')
  quotaSsnCentesimi: number | null;

  @Nullable()
  @IsIn(AREE_UTENZA)
  @Descrizione('SIUSS AreaUtenza: 1 famiglia e minori, 2 disabilità e non autosufficienza, 3 povertà')
  areaUtenza: AreaUtenza | null;

  @Nullable()
  @IsString()
  @Descrizione('SIUSS ProtocolloDomanda')
  protocolloDomanda: string | null;

  /** Always sent by the service; optional for the readers of older replies. */
  @IsOptional()
  @Nullable()
  @IsUUID()
  @Descrizione('L’intervento da misure (beneficio) della cartella che questo intervento è; null altrimenti')
  interventoMisuraId?: string | null;

  /** Always sent by the service; optional for the readers of older replies. */
  @IsOptional()
  @Nullable()
  @Annidato(() => SospensioneInterventoV1)
  @Descrizione('Sospensione dell’intervento stabilita dal progetto; null se nessuna')
  sospensione?: SospensioneInterventoV1 | null;
}

/** The cost of the interventi of one funding source (and, for the budget's funds, of one imputazione). */
@DescrizioneClasse('Budget di progetto di una fonte di finanziamento')
export class VoceBudgetProgettoV1 {
  @IsIn(FONTI_FINANZIAMENTO)
  fonteFinanziamento: FonteFinanziamento;

  @IsOptional()
  @Nullable()
  @Annidato(() => ImputazioneBudgetV1)
  @Descrizione('Fondo, linea e annualità del budget; null per le fonti fuori dal budget')
  imputazione?: ImputazioneBudgetV1 | null;

  @Centesimi()
  costoCentesimi: number;
}

@DescrizioneClasse('Chi ha proposto la versione e quando')
export class PropostaProgettoV1 {
  @IsString()
  @Descrizione('Identificativo dell’utente')
  da: string;

  @IsString()
  nome: string;

  @IsISO8601()
  @Descrizione('Quando')
  il: string;
}

@DescrizioneClasse('Decisione del Comune sulla versione')
export class DecisioneProgettoV1 {
  @IsIn(ESITI_DECISIONE)
  esito: EsitoDecisione;

  @IsString()
  @Descrizione('Identificativo dell’utente')
  da: string;

  @IsString()
  nome: string;

  @IsISO8601()
  @Descrizione('Quando')
  il: string;

  @Nullable()
  @IsString()
  motivazione: string | null;
}

/** One version of the progetto personalizzato. */
@DescrizioneClasse('Versione del progetto personalizzato')
export class ProgettoV1 {
  @IsUUID()
  id: string;

  @IsUUID()
  cartellaId: string;

  @Intero({ min: 1 })
  versione: number;

  @IsIn(STATI_PROGETTO)
  stato: StatoProgetto;

  @Matches(ISO_DATE_PATTERN)
  @Descrizione('Inizio')
  dataInizio: string;

  @Matches(ISO_DATE_PATTERN)
  @Descrizione('Fine')
  dataFine: string;

  @Annidato(() => ObiettivoV1, { lista: true })
  obiettivi: ObiettivoV1[];

  @Annidato(() => InterventoProgettoV1, { lista: true })
  interventi: InterventoProgettoV1[];

  @Annidato(() => VerificaProgrammataV1, { lista: true })
  verifiche: VerificaProgrammataV1[];

  @IsString({ each: true })
  impegni: string[];

  @IsBoolean()
  consensoPersona: boolean;

  /** Always sent by the service (null when not given); optional for the readers of older replies. */
  @IsOptional()
  @IsIn(TIPI_PROGETTO)
  @Descrizione(
    'Progetto individuale (L. 328/2000 art. 14), PaIS o Progetto di Vita (L.R. 25/2022); null se non indicato',
  )
  tipo?: TipoProgetto | null;

  /** Budget di progetto: cost of the interventi by funding source, in cents. */
  @Annidato(() => VoceBudgetProgettoV1, { lista: true })
  @Descrizione('Budget di progetto per fonte, in centesimi')
  budget: VoceBudgetProgettoV1[];

  /** The rest of the budget di progetto. Always sent by the service; optional for older readers. */
  @IsOptional()
  @Annidato(() => RisorsaProgettoV1, { lista: true })
  @Descrizione('Risorse professionali, umane e relazionali del budget di progetto')
  risorse?: RisorsaProgettoV1[];

  @Annidato(() => PropostaProgettoV1)
  proposto: PropostaProgettoV1;

  @Nullable()
  @Annidato(() => DecisioneProgettoV1)
  decisione: DecisioneProgettoV1 | null;
}
