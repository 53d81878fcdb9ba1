import { DescrizioneClasse } from '../../common/schema-decorators';
import { Type } from 'class-transformer';
import {
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
  ValidateIf,
} from 'class-validator';
import { Annidato, Descrizione } from '../../common/schema-decorators';
import { CODICE_PATTERN, IsImportoCentesimi } from './importo';
import { Importo, InteroDescritto, NullableDescritto } from './schema';
import { CAUSALI_LIBERAZIONE, type CausaleLiberazione } from './vocabolari';

const ISTAT = /^\d{6}$/;
/** `AAAA-MM`: the month a payment covers (e.g. a monthly buono). */
export const PERIODO_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * Commits money of a line to a purpose (a beneficio, a service order). Sent by other services over
 * NATS: the idempotency key makes a retried request return the same impegno instead of a second one.
 */
export class RichiediImpegnoV1 {
  /** Chosen by the caller, unique per commitment (e.g. `misure:beneficio:<id>`). */
  @IsString()
  @Matches(/^[\w.:@/-]{8,200}$/, {
    message: 'chiaveIdempotenza: da 8 a 200 caratteri fra lettere, cifre e . : @ / - _',
  })
  chiaveIdempotenza: string;

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

  @IsImportoCentesimi()
  importoCentesimi: number;

  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  descrizione: string;

  /** What the money is for in the calling service (e.g. `misure:beneficio:<id>`). */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  riferimento?: string;

  /** ISTAT code of the beneficiary's comune of residence, for the spending by comune. */
  @IsOptional()
  @Matches(ISTAT, { message: 'comuneResidenza: codice ISTAT di 6 cifre' })
  comuneResidenza?: string;
}

export class LeggiImpegnoV1 {
  @IsUUID()
  id: string;
}

/**
 * Gives part or all of the not yet paid amount back to the line: rinuncia, revoca, decadenza or
 * riduzione. Without an amount, everything not yet paid is released.
 */
export class LiberaImpegnoV1 {
  @IsUUID()
  id: string;

  @IsIn(CAUSALI_LIBERAZIONE)
  causale: CausaleLiberazione;

  @IsOptional()
  @IsImportoCentesimi()
  importoCentesimi?: number;

  @IsOptional()
  @IsString()
  @MaxLength(300)
  motivazione?: string;
}

/** A payment against an impegno, for a period (e.g. the buono of March 2024). */
export class RegistraLiquidazioneV1 {
  @IsUUID()
  impegnoId: string;

  @IsImportoCentesimi()
  importoCentesimi: number;

  @Matches(PERIODO_PATTERN, { message: 'periodo: mese pagato nel formato AAAA-MM' })
  periodo: string;

  /** Payment order (mandato di pagamento) reference, when already issued. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  mandato?: string;
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

  @Matches(PERIODO_PATTERN)
  @Descrizione('Mese pagato, AAAA-MM')
  periodo: string;

  @NullableDescritto('Riferimento del mandato di pagamento')
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

  /** Amount committed now (initial minus releases). */
  @Importo('Importo impegnato ora (iniziale meno le liberazioni)')
  importoCentesimi: number;

  @Importo('Liquidato')
  liquidatoCentesimi: number;

  /** Committed and not yet paid. */
  @Importo('Impegnato e non liquidato')
  residuoCentesimi: number;

  /** `estinto` when nothing is left to pay. */
  @IsIn(STATI_IMPEGNO)
  @Descrizione('`estinto` quando non resta nulla da liquidare')
  stato: StatoImpegno;

  @IsISO8601()
  @Descrizione('Quando è stato registrato')
  registratoIl: string;

  @Annidato(() => LiquidazioneV1, { lista: true })
  liquidazioni: LiquidazioneV1[];
}

/** The payment order (mandato) of a liquidazione, recorded once when it is issued. */
export class RegistraMandatoV1 {
  @IsUUID()
  liquidazioneId: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  mandato: string;
}
