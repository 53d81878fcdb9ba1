import {
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { GIORNO_ESISTENTE } from '../../common/giorno';
import { TestoMultiriga } from '../../common/input-pulito';
import {
  Annidato,
  Centesimi,
  Descrizione,
  DescrizioneClasse,
  Intero,
  Nullable,
} from '../../common/schema-decorators';
import { ESITI_ISEE_ACQUISITO, type EsitoIseeAcquisito } from '../../integrazioni/v1/isee.dto';
import { DatiIstanzaV1, PROTOCOLLO_DSU } from './dati-istanza.dto';
import { ValutazioneIstanzaV1 } from './istruttoria.dto';
import { ESITI_ISTRUTTORIA, TIPI_ISEE, type EsitoIstruttoria, type TipoIsee } from './vocabolari';

/*
 * The istruttorie of an istanza as stored: each evaluation with the snapshot it judged and the rule set
 * it applied (reproducible), and the operator's decision on a da-verificare outcome.
 */

/** Why an istruttoria ran: presentation, a new version, a request, or evidence changed elsewhere. */
export const CAUSA_ISTRUTTORIA = /^[a-z0-9][a-z0-9.-]{1,59}$/;

/** The snapshot an istruttoria judged: the istanza's inputs and its dates. */
/** An ISEE consulted at INPS for the istanza: what the istruttoria compares with the declared one. */
export class IseeVerificatoInpsV1 {
  @IsUUID()
  consultazioneId: string;

  @IsIn(TIPI_ISEE)
  tipo: TipoIsee;

  @IsIn(ESITI_ISEE_ACQUISITO)
  esito: EsitoIseeAcquisito;

  @Nullable()
  @Centesimi()
  valoreCentesimi: number | null;

  @Nullable()
  @Matches(PROTOCOLLO_DSU)
  protocolloDsu: string | null;

  @Nullable()
  @Matches(GIORNO_ESISTENTE)
  dataPresentazione: string | null;
}

export class InputIstruttoriaV1 {
  @Annidato(() => DatiIstanzaV1)
  dati: DatiIstanzaV1;

  @IsString()
  strumento: string;

  @Matches(GIORNO_ESISTENTE)
  @Descrizione('Giorno di presentazione: età e validità dell’ISEE sono giudicate a questa data')
  dataRiferimento: string;

  @Intero({ min: 1, max: 36 })
  @Descrizione('Mesi dell’avviso')
  mesi: number;

  @IsOptional()
  @Annidato(() => IseeVerificatoInpsV1, { lista: true })
  @Descrizione(
    'ISEE verificati presso INPS per l’istanza (integrazioni.isee.acquisito), il più recente per tipo',
  )
  iseeVerificati?: IseeVerificatoInpsV1[];
}

/** An operator's decision on an istruttoria whose outcome was to be verified. */
export class DecisioneIstruttoriaV1 {
  @IsIn(['ammissibile', 'non-ammissibile'])
  esito: 'ammissibile' | 'non-ammissibile';

  @IsString()
  motivazione: string;

  @IsString()
  decisaDa: string;

  @IsISO8601()
  decisaIl: string;
}

@DescrizioneClasse('Un’istruttoria di un’istanza: l’input giudicato, le regole applicate, l’esito')
export class IstruttoriaV1 {
  @IsUUID()
  id: string;

  @IsUUID()
  istanzaId: string;

  @Intero({ min: 1 })
  @Descrizione('Numero progressivo dell’istruttoria nell’istanza')
  numero: number;

  @IsUUID()
  regoleId: string;

  @IsString()
  @Descrizione('Perché è stata eseguita: presentazione, nuova-versione, riesame, o l’evento che l’ha causata')
  causa: string;

  @Matches(GIORNO_ESISTENTE)
  dataRiferimento: string;

  @Annidato(() => InputIstruttoriaV1)
  input: InputIstruttoriaV1;

  @IsIn(ESITI_ISTRUTTORIA)
  @Descrizione('Esito calcolato dalle regole')
  esitoCalcolato: EsitoIstruttoria;

  @IsIn(ESITI_ISTRUTTORIA)
  @Descrizione('Esito valido: quello calcolato, o la decisione dell’operatore se era da verificare')
  esito: EsitoIstruttoria;

  @Annidato(() => ValutazioneIstanzaV1)
  valutazione: ValutazioneIstanzaV1;

  @Nullable()
  @Annidato(() => DecisioneIstruttoriaV1)
  decisione: DecisioneIstruttoriaV1 | null;

  @IsString()
  istruitaDa: string;

  @IsISO8601()
  istruitaIl: string;
}

/** Request of `misure.istruttoria.elenca`: the history of an istanza's istruttorie. */
export class ElencaIstruttorieV1 {
  @IsUUID()
  istanzaId: string;
}

/** Request of `misure.istruttoria.decidi`: the decision on the last istruttoria, when da-verificare. */
export class DecidiIstruttoriaV1 {
  @IsUUID()
  istanzaId: string;

  @IsIn(['ammissibile', 'non-ammissibile'])
  esito: 'ammissibile' | 'non-ammissibile';

  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  @TestoMultiriga()
  @Descrizione('Motivazione della decisione (es. difformità dell’ISEE chiarita con INPS)')
  motivazione: string;
}

/** Request of `misure.istruttoria.riesamina`: runs the istruttoria again with today's sources. */
export class RiesaminaIstanzaV1 {
  @IsUUID()
  istanzaId: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  @Descrizione('Perché si riesamina (es. valutazione completata)')
  motivo: string;
}
