import {
  ArrayMaxSize,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { GIORNO_ESISTENTE } from '../../common/giorno';
import {
  Annidato,
  Centesimi,
  Descrizione,
  DescrizioneClasse,
  Intero,
  Nullable,
} from '../../common/schema-decorators';
import { DatiIstanzaV1 } from './dati-istanza.dto';
import { STATI_VOCE_GRADUATORIA, type StatoVoceGraduatoria } from './graduatorie.dto';
import { ValutazioneIstanzaV1 } from './istruttoria.dto';
import { CODICE_STRUMENTO } from './regole.dto';
import { AREE, type Area } from './vocabolari';

/*
 * The what-if simulation of an avviso (issue 9, point 7): istanze (given, or the avviso's own) judged by
 * the avviso's rule set or a variant of its parameters, ranked and cut on the graduatorie's budgets (or
 * other budgets), with every esito and reason, the cut and the cost. Nothing is written.
 */

/** Istanze at most in one simulation (given or stored): the reply travels in one NATS message. */
export const ISTANZE_SIMULATE_MASSIME = 2_000;

/** An istanza given to the simulation: every input the rules read, the strumento and its presentation. */
export class IstanzaSimulataV1 {
  @IsString()
  @Matches(/^[\w.:-]{1,60}$/, { message: 'riferimento: fino a 60 caratteri fra lettere, cifre e . : - _' })
  @Descrizione('Riferimento del caso nella risposta (es. `caso-12`): nessun dato personale')
  riferimento: string;

  @Matches(CODICE_STRUMENTO, { message: 'strumento: codice di uno strumento delle regole' })
  strumento: string;

  @Matches(GIORNO_ESISTENTE, { message: 'dataPresentazione: data nel formato AAAA-MM-GG' })
  @Descrizione('Giorno di presentazione: età e validità dell’ISEE sono giudicate a questa data')
  dataPresentazione: string;

  @Intero({ min: 1 })
  @Descrizione('Ordine di protocollo (1 il primo presentato): scioglie le parità')
  ordineProtocollo: number;

  @Annidato(() => DatiIstanzaV1)
  dati: DatiIstanzaV1;
}

/** Another budget for one graduatoria of the avviso (area and strumento). */
export class BudgetSimulatoV1 {
  @IsIn(AREE)
  area: Area;

  @Matches(CODICE_STRUMENTO, { message: 'strumento: codice di uno strumento delle regole' })
  strumento: string;

  @Centesimi()
  budgetCentesimi: number;
}

export class SimulaAvvisoV1 {
  @IsUUID()
  avvisoId: string;

  @IsOptional()
  @Annidato(() => IstanzaSimulataV1, { lista: true })
  @ArrayMaxSize(ISTANZE_SIMULATE_MASSIME)
  @Descrizione('Istanze da valutare; assenti: le istanze presentate sull’avviso')
  istanze?: IstanzaSimulataV1[];

  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsObject()
  @Descrizione(
    'Variante dei parametri delle regole dell’avviso (ParametriRegoleV1), intera o parziale: gli oggetti si fondono campo per campo, le liste si sostituiscono; il risultato è validato come un documento di regole',
  )
  parametri?: Record<string, unknown> | null;

  @IsOptional()
  @Annidato(() => BudgetSimulatoV1, { lista: true })
  @ArrayMaxSize(30)
  @Descrizione('Budget diversi per graduatoria (area e strumento)')
  budget?: BudgetSimulatoV1[];
}

@DescrizioneClasse('Esito simulato di un’istanza, con ogni regola e il suo motivo')
export class EsitoSimulatoV1 {
  @IsString()
  @MaxLength(60)
  @Descrizione('Il riferimento dato, o `numero/anno` del protocollo di un’istanza presentata')
  riferimento: string;

  @Nullable()
  @IsUUID()
  @Descrizione('L’istanza presentata (solo simulando le istanze dell’avviso)')
  istanzaId: string | null;

  @Annidato(() => ValutazioneIstanzaV1)
  valutazione: ValutazioneIstanzaV1;
}

export class VoceSimulataV1 {
  @Intero({ min: 1 })
  posizione: number;

  @IsString()
  riferimento: string;

  @IsIn(STATI_VOCE_GRADUATORIA)
  esito: StatoVoceGraduatoria;

  @Centesimi()
  importoCentesimi: number;
}

@DescrizioneClasse('Graduatoria simulata: ordine, taglio sul budget e costo')
export class GraduatoriaSimulataV1 {
  @IsIn(AREE)
  area: Area;

  @IsString()
  strumento: string;

  @Centesimi()
  budgetCentesimi: number;

  @Intero({ min: 0 })
  finanziate: number;

  @Intero({ min: 0 })
  idoneeNonFinanziate: number;

  @Centesimi()
  @Descrizione('Costo: somma degli importi finanziati')
  finanziatoCentesimi: number;

  @Centesimi()
  @Descrizione('Fabbisogno: somma degli importi di tutte le idonee')
  fabbisognoCentesimi: number;

  @Annidato(() => VoceSimulataV1, { lista: true })
  voci: VoceSimulataV1[];
}

@DescrizioneClasse('Risultato di una simulazione: esiti, graduatorie, taglio e costo (nulla è registrato)')
export class SimulazioneAvvisoV1 {
  @IsUUID()
  avvisoId: string;

  @IsUUID()
  @Descrizione('Regole dell’avviso da cui la simulazione parte (con la variante, se data)')
  regoleId: string;

  @Annidato(() => EsitoSimulatoV1, { lista: true })
  esiti: EsitoSimulatoV1[];

  @Annidato(() => GraduatoriaSimulataV1, { lista: true })
  graduatorie: GraduatoriaSimulataV1[];

  @Intero({ min: 0 })
  @Descrizione('Ammissibili senza una graduatoria dell’avviso per la loro area e strumento')
  ammissibiliSenzaGraduatoria: number;

  @Centesimi()
  @Descrizione('Costo totale: somma dei finanziati di tutte le graduatorie')
  costoCentesimi: number;
}
