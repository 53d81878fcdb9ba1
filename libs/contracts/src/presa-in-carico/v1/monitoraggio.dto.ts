import { DescrizioneClasse } from '../../common/schema-decorators';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ISO_DATE_PATTERN, ISTAT_PATTERN } from '../../accesso/v1/persona.dto';
import { Annidato, Descrizione, Intero, Nullable } from '../../common/schema-decorators';
import { OperatoreCartellaV1 } from './operatore.dto';
import { TestoMultiriga } from '../../common/input-pulito';

export const ESITI_OBIETTIVO = ['raggiunto', 'parzialmente-raggiunto', 'non-raggiunto'] as const;
export type EsitoObiettivo = (typeof ESITI_OBIETTIVO)[number];

export class EsitoObiettivoV1 {
  /** Position of the obiettivo in the project version (0-based). */
  @IsInt()
  @Min(0)
  obiettivo: number;

  @IsIn(ESITI_OBIETTIVO)
  esito: EsitoObiettivo;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @TestoMultiriga()
  note?: string;
}

/** A verifica of the approved project, recorded against its obiettivi. */
export class RegistraVerificaV1 {
  /** The approved project version. */
  @IsUUID()
  id: string;

  @Matches(ISO_DATE_PATTERN, { message: 'data: formato AAAA-MM-GG' })
  data: string;

  @IsArray()
  @ArrayMinSize(1, { message: 'esiti: almeno un obiettivo verificato' })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => EsitoObiettivoV1)
  esiti: EsitoObiettivoV1[];

  @IsOptional()
  @IsString()
  @MaxLength(4000)
  @TestoMultiriga()
  note?: string;
}

export class CaricoLavoroV1 {
  @IsOptional()
  @IsString()
  subAmbito?: string;
}

export class ElencaAvvisiV1 {
  @IsOptional()
  @IsString()
  subAmbito?: string;
}

@DescrizioneClasse('Esito di un obiettivo alla verifica')
export class EsitoObiettivoVerificatoV1 {
  @Intero({ min: 0 })
  @Descrizione('Posizione dell’obiettivo nel progetto (da 0)')
  obiettivo: number;

  @IsIn(ESITI_OBIETTIVO)
  esito: EsitoObiettivo;

  @Nullable()
  @IsString()
  note: string | null;
}

@DescrizioneClasse('Verifica del progetto approvato')
export class VerificaV1 {
  @IsUUID()
  id: string;

  @IsUUID()
  progettoId: string;

  @Matches(ISO_DATE_PATTERN)
  @Descrizione('Data della verifica')
  data: string;

  @Annidato(() => EsitoObiettivoVerificatoV1, { lista: true })
  esiti: EsitoObiettivoVerificatoV1[];

  @Nullable()
  @IsString()
  note: string | null;

  @Annidato(() => OperatoreCartellaV1)
  registrataDa: OperatoreCartellaV1;

  @IsISO8601()
  @Descrizione('Quando')
  registrataIl: string;
}

@DescrizioneClasse('Carico di un’assistente sociale')
export class CaricoOperatoreV1 {
  @IsString()
  userId: string;

  @IsString()
  nome: string;

  @Intero({ min: 0 })
  casiAttivi: number;

  /** Active cases without any valutazione in the current episode. */
  @Intero({ min: 0 })
  @Descrizione('Casi attivi senza valutazione nell’episodio corrente')
  daValutare: number;

  @Intero({ min: 0 })
  verificheScadute: number;
}

@DescrizioneClasse('Carico di lavoro di un sub-ambito')
export class CaricoSubAmbitoV1 {
  @IsString()
  subAmbito: string;

  @Intero({ min: 0 })
  @Descrizione('Abitanti dei comuni del sub-ambito')
  popolazione: number;

  @Intero({ min: 0 })
  @Descrizione('Assistenti sociali dell’équipe')
  assistentiSociali: number;

  /** Null when the équipe has no assistente sociale. */
  @Nullable()
  @Intero({ min: 0 })
  @Descrizione('Null se l’équipe non ha assistenti sociali')
  abitantiPerAssistenteSociale: number | null;

  /** The LEPS objective in force (parametro_normativo: 1 assistente sociale every 5,000 inhabitants). */
  @Intero({ min: 1 })
  @Descrizione('Obiettivo LEPS in vigore (parametro normativo, oggi 5.000)')
  standardAbitantiPerAssistenteSociale: number;

  @IsBoolean()
  sottoStandard: boolean;

  @Intero({ min: 0 })
  inCoda: number;

  @Intero({ min: 0 })
  casiAttivi: number;

  @Intero({ min: 0 })
  daValutare: number;

  @Intero({ min: 0 })
  progettiInAttesaDiDecisione: number;

  @Intero({ min: 0 })
  verificheScadute: number;

  @Annidato(() => CaricoOperatoreV1, { lista: true })
  operatori: CaricoOperatoreV1[];
}

@DescrizioneClasse('Carico di lavoro')
export class CaricoLavoroRispostaV1 {
  @Matches(ISO_DATE_PATTERN)
  @Descrizione('Data di riferimento')
  al: string;

  @Annidato(() => CaricoSubAmbitoV1, { lista: true })
  subAmbiti: CaricoSubAmbitoV1[];
}

export const TIPI_AVVISO = [
  'proposta-non-assegnata',
  'progetto-in-attesa-di-decisione',
  'verifica-scaduta',
  // ADI households (GePI): the presa in carico past PAD + the legal or recommended days, the periodic
  // verifica past its day (presa-in-carico.adi.elenca gives the details and the parameters).
  'adi-presa-in-carico-scaduta',
  'adi-verifica-scaduta',
] as const;
export type TipoAvviso = (typeof TIPI_AVVISO)[number];

@DescrizioneClasse('Avviso di monitoraggio')
export class AvvisoV1 {
  @IsIn(TIPI_AVVISO)
  tipo: TipoAvviso;

  @IsUUID()
  cartellaId: string;

  @IsString()
  subAmbito: string;

  @Matches(ISTAT_PATTERN)
  comuneResidenza: string;

  @Nullable()
  @IsString()
  caseManagerId: string | null;

  /** Since when: the proposta's arrival, the proposal of the project, the scheduled date of the verifica. */
  @IsString()
  @Descrizione('Da quando (istante o data)')
  dal: string;

  @Intero({ min: 0 })
  @Descrizione('Giorni trascorsi')
  giorni: number;
}
