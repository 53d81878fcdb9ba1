import { DescrizioneClasse } from '../../common/schema-decorators';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Min,
} from 'class-validator';
import { ISO_DATE_PATTERN } from '../../accesso/v1/persona.dto';
import { Annidato, Descrizione, Intero, Nullable } from '../../common/schema-decorators';
import { OperatoreCartellaV1 } from './operatore.dto';
import { MappaInteri } from './schema';

/** How an instrument turns the answers into a score: their sum, or none (a profile such as SINA). */
export const TIPI_PUNTEGGIO = ['somma', 'profilo'] as const;
export type TipoPunteggio = (typeof TIPI_PUNTEGGIO)[number];

export class RegistraValutazioneV1 {
  /** The cartella. */
  @IsUUID()
  id: string;

  /** Code of the instrument, e.g. `ADL`, `IADL`, `SINA`. */
  @IsString()
  @IsNotEmpty()
  strumento: string;

  /** The version to use; by default the one in force on `data`. */
  @IsOptional()
  @IsInt()
  @Min(1)
  versione?: number;

  @Matches(ISO_DATE_PATTERN, { message: 'data: formato AAAA-MM-GG' })
  data: string;

  /** Item code → chosen value; checked against the instrument's schema by the service. */
  @IsObject()
  risposte: Record<string, number>;

  /**
   * Item code → list of codes, for the items that take several answers (`multiplo`), e.g. SINA
   * `InvaliditaCivile` (104 art. 3 c. 3 and accompagnamento together) or `NecessitaInterventiSociali`.
   */
  @IsOptional()
  @IsObject()
  risposteMultiple?: Record<string, string[]>;

  @IsOptional()
  @IsString()
  note?: string;
}

export class ElencaStrumentiV1 {
  @IsOptional()
  @IsIn(['tutti', 'in-vigore'])
  filtro?: 'tutti' | 'in-vigore';
}

@DescrizioneClasse('Valore ammesso di una voce')
export class ValoreItemV1 {
  @Intero()
  valore: number;

  @IsString()
  etichetta: string;

  /** Points this answer adds to the score (`somma` instruments). */
  @Intero()
  @Descrizione('Punti che la risposta aggiunge al punteggio (strumenti a somma)')
  punti: number;
}

@DescrizioneClasse('Voce di uno strumento')
export class ItemStrumentoV1 {
  @IsString()
  codice: string;

  @IsString()
  descrizione: string;

  @Annidato(() => ValoreItemV1, { lista: true })
  valori: ValoreItemV1[];

  /** The item may be left out (an optional item of the INPS grid). */
  @IsOptional()
  @IsBoolean()
  @Descrizione('La voce può essere omessa')
  facoltativo?: boolean;

  /** The item takes a list of codes (in `risposteMultiple`) instead of one value. */
  @IsOptional()
  @IsBoolean()
  @Descrizione('La voce accetta una lista di codici (risposteMultiple)')
  multiplo?: boolean;

  /** The codes are not the values listed but SIUSS codici prestazione (e.g. A2.07). */
  @IsOptional()
  @IsIn(['codice-prestazione'])
  @Descrizione('I codici sono codici prestazione SIUSS invece dei valori elencati')
  formato?: 'codice-prestazione';
}

@DescrizioneClasse('Come lo strumento calcola il punteggio')
export class PunteggioStrumentoV1 {
  @IsIn(TIPI_PUNTEGGIO)
  tipo: TipoPunteggio;

  @Nullable()
  @Intero()
  min: number | null;

  @Nullable()
  @Intero()
  max: number | null;

  @IsString()
  descrizione: string;
}

@DescrizioneClasse('Almeno un membro per ciascun gruppo di professioni nell’équipe del caso')
export class RequisitiEquipeV1 {
  @IsString()
  descrizione: string;

  @IsArray()
  @IsArray({ each: true })
  @Descrizione('Gruppi di professioni: almeno un membro per gruppo')
  gruppi: string[][];
}

/** A versioned assessment instrument: its items and how it is scored are data, not code. */
@DescrizioneClasse('Strumento di valutazione versionato')
export class StrumentoV1 {
  @IsString()
  codice: string;

  @Intero({ min: 1 })
  versione: number;

  @Matches(ISO_DATE_PATTERN)
  @Descrizione('Inizio di validità')
  validoDal: string;

  @IsString()
  denominazione: string;

  @IsString()
  fonte: string;

  @Annidato(() => ItemStrumentoV1, { lista: true })
  items: ItemStrumentoV1[];

  @Annidato(() => PunteggioStrumentoV1)
  punteggio: PunteggioStrumentoV1;

  /**
   * Who must be in the case's équipe to use the instrument: at least one member of each group of
   * professions (e.g. Dopo di Noi: one clinical and one social member). Null: no requirement.
   */
  @Nullable()
  @Annidato(() => RequisitiEquipeV1)
  requisitiEquipe: RequisitiEquipeV1 | null;
}

/** The instrument (and version) an assessment used. */
@DescrizioneClasse('Strumento usato')
export class StrumentoUsatoV1 {
  @IsString()
  codice: string;

  @Intero({ min: 1 })
  @Descrizione('Versione usata')
  versione: number;

  @IsString()
  denominazione: string;
}

@DescrizioneClasse('Valutazione multidimensionale')
export class ValutazioneV1 {
  @IsUUID()
  id: string;

  @Annidato(() => StrumentoUsatoV1)
  strumento: StrumentoUsatoV1;

  @Matches(ISO_DATE_PATTERN)
  @Descrizione('Data della valutazione')
  data: string;

  @MappaInteri('Codice della voce → valore scelto')
  risposte: Record<string, number>;

  @IsOptional()
  @IsObject()
  @Descrizione('Codice della voce → codici scelti, per le voci multiple')
  risposteMultiple?: Record<string, string[]>;

  /** Computed by the service from the answers; null for a profile instrument. */
  @Nullable()
  @Intero()
  @Descrizione('Calcolato dal servizio; null per i profili (SINA)')
  punteggio: number | null;

  @Nullable()
  @Intero()
  punteggioMax: number | null;

  @Annidato(() => OperatoreCartellaV1)
  valutatore: OperatoreCartellaV1;

  @Nullable()
  @IsString()
  note: string | null;

  @Intero({ min: 1 })
  episodio: number;

  @IsISO8601()
  @Descrizione('Quando')
  registrataIl: string;
}
