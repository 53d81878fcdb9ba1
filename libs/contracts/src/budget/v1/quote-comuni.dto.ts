import { GIORNO_ESISTENTE } from '../../common/giorno';
import { DescrizioneClasse } from '../../common/schema-decorators';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
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
import { Importo, InteroDescritto, NullableDescritto } from './schema';

const DATA = GIORNO_ESISTENTE;
const PRIMO_GENNAIO = /^\d{4}-01-01$/;
const ISTAT = /^\d{6}$/;

/**
 * The per-inhabitant quota an ambito (or district) deliberates for a year (e.g. € 6,57 in the Casalasco,
 * seed 004), with its act, and the date of the population it applies to (1 January). A later delibera
 * for the same ambito and year supersedes it; history is kept.
 */

/** The largest quota per inhabitant a delibera may set (€ 1.000): 10 million inhabitants stay exact. */
export const QUOTA_MASSIMA_CENTESIMI = 100_000;

export class DeliberaQuotaCapitariaV1 {
  /** Code of the ambito or district whose comuni pay the quota (e.g. AT-CREMASCO, CASALASCO). */
  @IsString()
  @Matches(/^[A-Z0-9][A-Z0-9-]{1,39}$/, {
    message: 'ambito: codice dell’ambito (maiuscole, cifre, trattini)',
  })
  ambito: string;

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

  /** Population counted at 1 January of the reference year (ISTAT), not later than the quota's year. */
  @Matches(PRIMO_GENNAIO, { message: 'dataRiferimentoAbitanti: abitanti al 1° gennaio (AAAA-01-01)' })
  dataRiferimentoAbitanti: string;

  /** Title of the act (e.g. "Delibera dell’Assemblea dei Sindaci: quote 2021"). */
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  atto: string;

  @IsString()
  @IsNotEmpty({ message: 'attoNumero: numero dell’atto obbligatorio' })
  @MaxLength(50)
  attoNumero: string;

  @Matches(DATA, { message: 'attoData: formato AAAA-MM-GG' })
  attoData: string;

  /** Body that adopted the act (e.g. Assemblea dei Sindaci, Assemblea consortile). */
  @IsString()
  @IsNotEmpty({ message: 'attoOrgano: organo che ha adottato l’atto obbligatorio' })
  @MaxLength(100)
  attoOrgano: string;

  /** True when the figure is a placeholder still to be checked against the act (demo data). */
  @IsOptional()
  @IsBoolean()
  daVerificare?: boolean;
}

@DescrizioneClasse('Quota pro-capite deliberata per un ambito e un anno')
export class QuotaCapitariaV1 {
  @IsUUID()
  id: string;

  @IsString()
  @Descrizione('Codice dell’ambito o distretto')
  ambito: string;

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

  @NullableDescritto('Numero dell’atto')
  @IsString()
  attoNumero: string | null;

  @NullableDescritto('Data dell’atto (AAAA-MM-GG)')
  @Matches(DATA)
  attoData: string | null;

  @NullableDescritto('Organo che ha adottato l’atto')
  @IsString()
  attoOrgano: string | null;

  @IsBoolean()
  @Descrizione('Valore segnaposto da verificare sull’atto (dati dimostrativi)')
  daVerificare: boolean;

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
  /** Code of the ambito or district the comuni belong to. */
  @IsString()
  @Matches(/^[A-Z0-9][A-Z0-9-]{1,39}$/, {
    message: 'ambito: codice dell’ambito (maiuscole, cifre, trattini)',
  })
  ambito: string;

  @Matches(DATA, { message: 'dataRiferimento: formato AAAA-MM-GG' })
  dataRiferimento: string;

  /** Where the figures come from (e.g. ISTAT, popolazione residente al 1° gennaio 2021). */
  @IsString()
  @IsNotEmpty({ message: 'fonte: indicare la fonte dei dati sulla popolazione' })
  @MaxLength(300)
  fonte: string;

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

  @IsString()
  @Descrizione('Fonte dei dati sulla popolazione')
  fonte: string;
}

/** What each comune owes for a year; a responsabile-comune sees only its own comuni. */
export class ProspettoQuoteComuniV1 {
  /** Needed only when quotas of several ambiti are deliberated for the year. */
  @IsOptional()
  @Matches(/^[A-Z0-9][A-Z0-9-]{1,39}$/, {
    message: 'ambito: codice dell’ambito (maiuscole, cifre, trattini)',
  })
  ambito?: string;

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
  @IsString()
  @Descrizione('Codice dell’ambito o distretto')
  ambito: string;

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

  @NullableDescritto('Numero dell’atto')
  @IsString()
  attoNumero: string | null;

  @NullableDescritto('Data dell’atto (AAAA-MM-GG)')
  @Matches(DATA)
  attoData: string | null;

  @NullableDescritto('Organo che ha adottato l’atto')
  @IsString()
  attoOrgano: string | null;

  @IsBoolean()
  @Descrizione('Valore segnaposto da verificare sull’atto (dati dimostrativi)')
  daVerificare: boolean;

  @Annidato(() => QuotaComuneV1, { lista: true })
  comuni: QuotaComuneV1[];

  @Importo('Totale dovuto')
  totaleCentesimi: number;
}
