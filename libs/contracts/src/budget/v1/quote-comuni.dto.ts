import { GIORNO_ESISTENTE } from '../../common/giorno';
import { DescrizioneClasse } from '../../common/schema-decorators';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
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
import { Annidato, Descrizione, Intero } from '../../common/schema-decorators';
import { IsImportoCentesimi, SchemaCentesimi } from './importo';
import { Importo, InteroDescritto } from './schema';

const DATA = GIORNO_ESISTENTE;
const ISTAT = /^\d{6}$/;

/**
 * The per-inhabitant quota the Assemblea dei Sindaci deliberates for a year (e.g. € 6,57), and the date
 * of the population it applies to. A later delibera for the same year supersedes it; history is kept.
 */

/** The largest quota per inhabitant a delibera may set (€ 1.000): 10 million inhabitants stay exact. */
export const QUOTA_MASSIMA_CENTESIMI = 100_000;

export class DeliberaQuotaCapitariaV1 {
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  anno: number;

  // A bound a deliberation never reaches (€ 1.000 per inhabitant): abitanti × quota stays an exact
  // integer of cents (the fuzz found a 500 in the prospetto with a quota near 2^53).
  @IsImportoCentesimi('quotaPerAbitanteCentesimi')
  @Max(QUOTA_MASSIMA_CENTESIMI, {
    message: 'quotaPerAbitanteCentesimi: al massimo 100000 centesimi (1.000 euro)',
  })
  quotaPerAbitanteCentesimi: number;

  /** Per-inhabitant contribution to the fondo di solidarietà dei comuni, deliberated with the quota. */
  @SchemaCentesimi()
  @IsOptional()
  @IsInt({ message: 'solidarietaPerAbitanteCentesimi: importo in centesimi, numero intero' })
  @Min(0, { message: 'solidarietaPerAbitanteCentesimi: non può essere negativo' })
  @Max(QUOTA_MASSIMA_CENTESIMI, {
    message: 'solidarietaPerAbitanteCentesimi: al massimo 100000 centesimi (1.000 euro)',
  })
  solidarietaPerAbitanteCentesimi?: number;

  /** Date of the population counted (e.g. ISTAT at 1 January). */
  @Matches(DATA, { message: 'dataRiferimentoAbitanti: formato AAAA-MM-GG' })
  dataRiferimentoAbitanti: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  atto: string;
}

@DescrizioneClasse('Quota pro-capite deliberata dall’Assemblea dei Sindaci')
export class QuotaCapitariaV1 {
  @IsUUID()
  id: string;

  @Intero()
  anno: number;

  @Importo('Quota per abitante')
  quotaPerAbitanteCentesimi: number;

  @Importo('Contributo per abitante al fondo di solidarietà')
  solidarietaPerAbitanteCentesimi: number;

  @Matches(DATA)
  @Descrizione('Data della popolazione considerata (AAAA-MM-GG)')
  dataRiferimentoAbitanti: string;

  @IsString()
  @Descrizione('Delibera')
  atto: string;

  @IsISO8601()
  @Descrizione('Quando è stata registrata')
  registrataIl: string;
}

export class AbitantiComuneV1 {
  @Matches(ISTAT, { message: 'istat: codice ISTAT di 6 cifre' })
  istat: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  denominazione: string;

  @IsInt()
  @Min(0)
  @Max(10_000_000)
  abitanti: number;
}

/** Inhabitants of the comuni at a date (a correction of the same date replaces the figure). */
export class RegistraAbitantiV1 {
  @Matches(DATA, { message: 'dataRiferimento: formato AAAA-MM-GG' })
  dataRiferimento: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => AbitantiComuneV1)
  comuni: AbitantiComuneV1[];
}

@DescrizioneClasse('Abitanti registrati')
export class AbitantiRegistratiV1 {
  @Matches(DATA)
  @Descrizione('Data di riferimento (AAAA-MM-GG)')
  dataRiferimento: string;

  @InteroDescritto('Comuni registrati', { min: 0 })
  comuni: number;

  @InteroDescritto('Totale abitanti', { min: 0 })
  abitanti: number;
}

/** What each comune owes for a year; a responsabile-comune sees only its own comuni. */
export class ProspettoQuoteComuniV1 {
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  anno: number;

  @IsOptional()
  @Matches(ISTAT, { message: 'comune: codice ISTAT di 6 cifre' })
  comune?: string;
}

@DescrizioneClasse('Quota dovuta da un comune')
export class QuotaComuneV1 {
  @Matches(ISTAT)
  @Descrizione('Codice ISTAT')
  istat: string;

  @IsString()
  denominazione: string;

  @Intero({ min: 0 })
  abitanti: number;

  /** abitanti × quota per abitante. */
  @Importo('Abitanti × quota per abitante')
  quotaCentesimi: number;

  /** abitanti × contributo per abitante al fondo di solidarietà. */
  @Importo('Abitanti × contributo al fondo di solidarietà')
  solidarietaCentesimi: number;

  /** quota + solidarietà. */
  @Importo('Dovuto: quota + solidarietà')
  dovutoCentesimi: number;
}

@DescrizioneClasse('Prospetto delle quote dei comuni')
export class ProspettoQuoteComuniRispostaV1 {
  @Intero()
  anno: number;

  @Importo('Quota per abitante')
  quotaPerAbitanteCentesimi: number;

  @Importo('Contributo per abitante al fondo di solidarietà')
  solidarietaPerAbitanteCentesimi: number;

  @Matches(DATA)
  @Descrizione('Data della popolazione considerata (AAAA-MM-GG)')
  dataRiferimentoAbitanti: string;

  @IsString()
  @Descrizione('Delibera')
  atto: string;

  @Annidato(() => QuotaComuneV1, { lista: true })
  comuni: QuotaComuneV1[];

  @Importo('Totale dovuto')
  totaleCentesimi: number;
}
