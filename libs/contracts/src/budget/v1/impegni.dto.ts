import { DescrizioneClasse } from '../../common/schema-decorators';
import { GIORNO_ESISTENTE, MESE_ESISTENTE } from '../../common/giorno';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsDefined,
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
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Annidato, Descrizione } from '../../common/schema-decorators';
import { CODICE_PATTERN, IsImportoCentesimi } from './importo';
import { Importo, InteroDescritto, NullableDescritto } from './schema';
import { CAUSALI_RIDUZIONE, TIPI_CREDITORE, type CausaleRiduzione, type TipoCreditore } from './vocabolari';

const ISTAT = /^\d{6}$/;
/** `AAAA-MM`: the month a payment covers (e.g. a monthly buono). */
export const PERIODO_PATTERN = MESE_ESISTENTE;

/** The determina that commits the money (TUEL art. 183): its number and date. */
export class DeterminaV1 {
  /** As written on the act, e.g. `123/2025`. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  @Descrizione('Numero della determina, come scritto sull’atto')
  numero: string;

  @Matches(GIORNO_ESISTENTE, { message: 'data: data della determina nel formato AAAA-MM-GG' })
  @Descrizione('Data della determina (AAAA-MM-GG)')
  data: string;
}

/**
 * Who the impegno is owed to (TUEL art. 183): a person, by the id the calling service knows it by (the
 * budget keeps no name of a person), or an ente (cooperativa, RSA, comune) by its codice fiscale or
 * partita IVA and its name.
 */
export class CreditoreV1 {
  @IsIn(TIPI_CREDITORE)
  @Descrizione('`persona` (beneficiario) o `ente` (fornitore, ente gestore)')
  tipo: TipoCreditore;

  @IsString()
  @Matches(/^[\w.:@/-]{1,100}$/, {
    message: 'creditore.identificativo: fino a 100 caratteri fra lettere, cifre e . : @ / - _',
  })
  @Descrizione(
    'Persona: identificativo nel servizio chiamante (es. `persona:<id>`); ente: codice fiscale o partita IVA',
  )
  identificativo: string;

  /** The ente's name; never given for a person (the budget keeps no personal names). */
  @ValidateIf((o: CreditoreV1) => o.tipo === 'ente' || o.denominazione !== undefined)
  @IsString({ message: 'creditore.denominazione: obbligatoria per un ente' })
  @IsNotEmpty({ message: 'creditore.denominazione: obbligatoria per un ente' })
  @MaxLength(200)
  @ValidateBy({
    name: 'soloPerEnte',
    validator: {
      validate: (_v, args) => (args?.object as CreditoreV1).tipo === 'ente',
      defaultMessage: () => 'creditore.denominazione: non si indica per una persona (basta l’identificativo)',
    },
  })
  @Descrizione('Denominazione dell’ente (solo per un ente)')
  denominazione?: string;
}

/**
 * One impegno: what it is for, how much, the determina and the creditore. An item of a batch as it is;
 * a single request (RichiediImpegnoV1) adds the line and fund a batch shares.
 */
export class VoceLottoImpegniV1 {
  /** Chosen by the caller, unique per commitment: the same key as a single request finds the same impegno. */
  @IsString()
  @Matches(/^[\w.:@/-]{8,200}$/, {
    message: 'chiaveIdempotenza: da 8 a 200 caratteri fra lettere, cifre e . : @ / - _',
  })
  chiaveIdempotenza: string;

  @IsImportoCentesimi()
  importoCentesimi: number;

  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  descrizione: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  riferimento?: string;

  @IsOptional()
  @Matches(ISTAT, { message: 'comuneResidenza: codice ISTAT di 6 cifre' })
  comuneResidenza?: string;

  @IsDefined({ message: 'determina: numero e data della determina di impegno sono obbligatori' })
  @ValidateNested()
  @Type(() => DeterminaV1)
  determina: DeterminaV1;

  @IsDefined({ message: 'creditore: il creditore o beneficiario è obbligatorio' })
  @ValidateNested()
  @Type(() => CreditoreV1)
  creditore: CreditoreV1;
}

/** Most impegni in one batch: one transaction holds the line's lock for all of them. */
export const MAX_IMPEGNI_PER_LOTTO = 500;

/**
 * Commits money of a line to a purpose (a beneficio, a service order). Sent by other services over
 * NATS: the idempotency key makes a retried request return the same impegno instead of a second one.
 */
export class RichiediImpegnoV1 extends VoceLottoImpegniV1 {
  @Matches(CODICE_PATTERN, { message: 'linea: codice della linea di spesa' })
  linea: string;

  /** Fund to charge; when absent, the oldest annualità of the line with enough money is used. */
  @ValidateIf((o: RichiediImpegnoV1) => o.fondo !== undefined || o.anno !== undefined)
  @Matches(CODICE_PATTERN, {
    message: 'fondo: codice del fondo in maiuscolo, es. FNA-B2 (obbligatorio se si indica l’anno)',
  })
  fondo?: string;

  /** Annualità of `fondo` to charge (requires `fondo`). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  anno?: number;
}

/**
 * Up to MAX_IMPEGNI_PER_LOTTO impegni of one line (and optionally one fund/annualità) in one
 * transaction, all or nothing: a calling service committing a whole graduatoria pays the line's lock
 * once instead of once per impegno. Each has its own idempotency key, as RichiediImpegnoV1.
 */
export class RichiediImpegniLottoV1 {
  @Matches(CODICE_PATTERN, { message: 'linea: codice della linea di spesa' })
  linea: string;

  /** Fund to charge; when absent, the oldest annualità of the line with enough money, per impegno. */
  @ValidateIf((o: RichiediImpegniLottoV1) => o.fondo !== undefined || o.anno !== undefined)
  @Matches(CODICE_PATTERN, {
    message: 'fondo: codice del fondo in maiuscolo, es. FNA-B2 (obbligatorio se si indica l’anno)',
  })
  fondo?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  anno?: number;

  @IsArray()
  @ArrayMinSize(1, { message: 'impegni: almeno un impegno' })
  @ArrayMaxSize(MAX_IMPEGNI_PER_LOTTO, { message: `impegni: al più ${MAX_IMPEGNI_PER_LOTTO} per richiesta` })
  @ArrayUnique((v: VoceLottoImpegniV1) => v?.chiaveIdempotenza, {
    message: 'impegni: ogni impegno ha una chiave di idempotenza diversa',
  })
  @ValidateNested({ each: true })
  @Type(() => VoceLottoImpegniV1)
  impegni: VoceLottoImpegniV1[];
}

export class LeggiImpegnoV1 {
  @IsUUID()
  id: string;
}

/**
 * Riduzione d'impegno: part or all of the not yet liquidated amount goes back to the line (rinuncia,
 * revoca, decadenza, or an economia: less spent than committed). Without an amount, everything not yet
 * liquidated is reduced.
 */
export class RiduciImpegnoV1 {
  @IsUUID()
  id: string;

  @IsIn(CAUSALI_RIDUZIONE)
  causale: CausaleRiduzione;

  @IsOptional()
  @IsImportoCentesimi()
  importoCentesimi?: number;

  @IsOptional()
  @IsString()
  @MaxLength(300)
  motivazione?: string;
}

/**
 * A liquidazione against an impegno (TUEL art. 184): what is due, not yet paid (the payment is the
 * mandato's). Monthly benefits give the month (e.g. the buono of March 2024); a one-off one gives none.
 */
export class RegistraLiquidazioneV1 {
  @IsUUID()
  impegnoId: string;

  @IsImportoCentesimi()
  importoCentesimi: number;

  /** The month it covers; absent for a one-off liquidazione (una tantum). */
  @IsOptional()
  @Matches(PERIODO_PATTERN, { message: 'periodo: mese liquidato nel formato AAAA-MM' })
  periodo?: string;
}

/**
 * One liquidazione of a batch: a keyed RegistraLiquidazioneV1. The key is the caller's (e.g. a beneficio
 * and its month): stored with the liquidazione, it finds it again instead of liquidating twice, also
 * days later, after a crash or a lost reply.
 */
export class VoceLottoLiquidazioniV1 extends RegistraLiquidazioneV1 {
  @IsString()
  @Matches(/^[\w.:@/-]{8,200}$/, {
    message: 'chiaveIdempotenza: da 8 a 200 caratteri fra lettere, cifre e . : @ / - _',
  })
  chiaveIdempotenza: string;
}

/** Most liquidazioni in one batch: one transaction locks their lines and impegni once. */
export const MAX_LIQUIDAZIONI_PER_LOTTO = 500;

/**
 * Up to MAX_LIQUIDAZIONI_PER_LOTTO liquidazioni (a month's payments of a measure) in one transaction,
 * all or nothing, each idempotent by its own key: never above an impegno's residuo.
 */
export class RegistraLiquidazioniLottoV1 {
  @IsArray()
  @ArrayMinSize(1, { message: 'liquidazioni: almeno una liquidazione' })
  @ArrayMaxSize(MAX_LIQUIDAZIONI_PER_LOTTO, {
    message: `liquidazioni: al più ${MAX_LIQUIDAZIONI_PER_LOTTO} per richiesta`,
  })
  @ArrayUnique((v: VoceLottoLiquidazioniV1) => v?.chiaveIdempotenza, {
    message: 'liquidazioni: ogni liquidazione ha una chiave di idempotenza diversa',
  })
  @ValidateNested({ each: true })
  @Type(() => VoceLottoLiquidazioniV1)
  liquidazioni: VoceLottoLiquidazioniV1[];
}

export const STATI_IMPEGNO = ['attivo', 'estinto'] as const;
export type StatoImpegno = (typeof STATI_IMPEGNO)[number];

@DescrizioneClasse('Liquidazione su un impegno')
export class LiquidazioneV1 {
  @IsUUID()
  id: string;

  @IsUUID()
  impegnoId: string;

  @Importo('Importo')
  importoCentesimi: number;

  @NullableDescritto('Mese liquidato, AAAA-MM; null = una tantum')
  @Matches(PERIODO_PATTERN)
  periodo: string | null;

  @NullableDescritto('Mandato di pagamento che l’ha pagata; null = liquidata, non ancora pagata')
  @IsUUID()
  mandatoId: string | null;

  @NullableDescritto('Numero del mandato di pagamento; null = non ancora pagata')
  @IsString()
  mandato: string | null;

  @IsISO8601()
  @Descrizione('Quando è stata registrata')
  registrataIl: string;
}

@DescrizioneClasse('Impegno su una linea, imputato a un’annualità di fondo')
export class ImpegnoV1 {
  @IsUUID()
  id: string;

  @IsString()
  chiaveIdempotenza: string;

  @IsString()
  linea: string;

  @IsString()
  fondo: string;

  @InteroDescritto('Anno dell’annualità del fondo')
  anno: number;

  @IsString()
  descrizione: string;

  @NullableDescritto('Oggetto dell’impegno nel servizio chiamante')
  @IsString()
  riferimento: string | null;

  @NullableDescritto('Codice ISTAT del comune di residenza del beneficiario')
  @Matches(ISTAT)
  comuneResidenza: string | null;

  /** Amount first committed. */
  @Importo('Importo impegnato all’origine')
  importoInizialeCentesimi: number;

  /** Amount committed now (initial minus riduzioni). */
  @Importo('Importo impegnato ora (iniziale meno le riduzioni)')
  importoCentesimi: number;

  @Importo('Liquidato')
  liquidatoCentesimi: number;

  @Importo('Pagato con mandato')
  pagatoCentesimi: number;

  /** Committed and not yet paid. */
  @Importo('Impegnato e non liquidato')
  residuoCentesimi: number;

  /** `estinto` when nothing is left to pay. */
  @IsIn(STATI_IMPEGNO)
  @Descrizione('`estinto` quando non resta nulla da liquidare')
  stato: StatoImpegno;

  @NullableDescritto('Determina di impegno; null solo per impegni registrati prima che fosse richiesta')
  @Annidato(() => DeterminaV1)
  determina: DeterminaV1 | null;

  @NullableDescritto('Creditore o beneficiario; null solo per impegni registrati prima che fosse richiesto')
  @Annidato(() => CreditoreV1)
  creditore: CreditoreV1 | null;

  @IsISO8601()
  @Descrizione('Quando è stato registrato')
  registratoIl: string;

  @Annidato(() => LiquidazioneV1, { lista: true })
  liquidazioni: LiquidazioneV1[];
}

/**
 * A mandato di pagamento (TUEL art. 185) issued by the ragioneria: it pays one or more liquidazioni,
 * each in full and once. The same number in the same year with the same liquidazioni is a repeat.
 */
export class RegistraMandatoV1 {
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  @Matches(/^[^\s].*$/, { message: 'numero: numero del mandato, come scritto sull’atto' })
  numero: string;

  @Matches(GIORNO_ESISTENTE, { message: 'data: data del mandato nel formato AAAA-MM-GG' })
  data: string;

  @IsArray()
  @ArrayMinSize(1, { message: 'liquidazioni: almeno una liquidazione' })
  @ArrayMaxSize(500)
  @ArrayUnique({ message: 'liquidazioni: ogni liquidazione una volta sola' })
  @IsUUID('all', { each: true })
  liquidazioni: string[];
}

@DescrizioneClasse('Mandato di pagamento con le liquidazioni che paga')
export class MandatoV1 {
  @IsUUID()
  id: string;

  @IsString()
  numero: string;

  @InteroDescritto('Esercizio del mandato (anno della data)')
  esercizio: number;

  @NullableDescritto('Data del mandato; null solo per mandati registrati come testo prima della tabella')
  @Matches(GIORNO_ESISTENTE)
  data: string | null;

  @Importo('Totale pagato')
  importoCentesimi: number;

  @IsUUID('all', { each: true })
  @Descrizione('Liquidazioni pagate')
  liquidazioni: string[];
}
