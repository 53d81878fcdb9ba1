import { Type } from 'class-transformer';
import {
  IsDefined,
  IsInt,
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
import { Annidato, Descrizione, DescrizioneClasse } from '../../common/schema-decorators';
import { CODICE_PATTERN, IMPORTO_MASSIMO_CENTESIMI } from './importo';
import { CreditoreV1, DeterminaV1 } from './impegni.dto';
import { Importo, InteroDescritto, NullableDescritto } from './schema';

/**
 * A reimbursement financed by a fund and by the ambito's own cofinanziamento (Pro.Vi.: 80 % FNA, 20 %
 * d'Ambito, rule 19), committed and liquidated at once on one line: budget takes both funds from its own
 * rule (regola_fondo `cofinanziamento-minimo` for the line's kind) so the ambito's quota always lands on
 * the fund and act the rule names. All or nothing, idempotent by the caller's key.
 */
export class RegistraQuoteCofinanziateV1 {
  /** One per reimbursement (e.g. a Pro.Vi. rendiconto): sent again, it returns what was registered. */
  @IsString()
  @Matches(/^[\w.:@/-]{8,180}$/, {
    message: 'chiaveIdempotenza: da 8 a 180 caratteri fra lettere, cifre e . : @ / - _',
  })
  chiaveIdempotenza: string;

  @Matches(CODICE_PATTERN, { message: 'linea: codice della linea di spesa' })
  linea: string;

  /** The fund's quota; zero when the ambito's covers all of a very small reimbursement. */
  @IsInt({ message: 'quotaFondoCentesimi: importo in centesimi di euro, numero intero' })
  @Min(0, { message: 'quotaFondoCentesimi: non può essere negativa' })
  @Max(IMPORTO_MASSIMO_CENTESIMI)
  quotaFondoCentesimi: number;

  @IsInt({ message: 'quotaAmbitoCentesimi: importo in centesimi di euro, numero intero' })
  @Min(0, { message: 'quotaAmbitoCentesimi: non può essere negativa' })
  @Max(IMPORTO_MASSIMO_CENTESIMI)
  quotaAmbitoCentesimi: number;

  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  descrizione: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  riferimento?: string;

  @IsDefined({ message: 'determina: numero e data della determina sono obbligatori' })
  @ValidateNested()
  @Type(() => DeterminaV1)
  determina: DeterminaV1;

  @IsDefined({ message: 'creditore: il creditore o beneficiario è obbligatorio' })
  @ValidateNested()
  @Type(() => CreditoreV1)
  creditore: CreditoreV1;
}

@DescrizioneClasse('Una quota di un rimborso cofinanziato: impegnata e liquidata sul suo fondo')
export class QuotaCofinanziataV1 {
  @IsString()
  @Descrizione('Fondo della quota')
  fondo: string;

  @InteroDescritto('Anno dell’annualità del fondo; null quando la quota è zero', { nullable: true })
  anno: number | null;

  @Importo('Importo della quota')
  importoCentesimi: number;

  @NullableDescritto('Impegno della quota; null quando la quota è zero')
  @IsUUID()
  impegnoId: string | null;

  @NullableDescritto('Liquidazione della quota; null quando la quota è zero')
  @IsUUID()
  liquidazioneId: string | null;
}

@DescrizioneClasse('Rimborso cofinanziato registrato: la quota del fondo e quella dell’Ambito')
export class QuoteCofinanziateV1 {
  @IsString()
  chiaveIdempotenza: string;

  @IsString()
  linea: string;

  @Annidato(() => QuotaCofinanziataV1)
  quotaFondo: QuotaCofinanziataV1;

  @Annidato(() => QuotaCofinanziataV1)
  quotaAmbito: QuotaCofinanziataV1;

  @InteroDescritto('Cofinanziamento minimo della regola applicata, in punti base (2000 = 20 %)')
  puntiBaseMinimi: number;

  @IsString()
  @Descrizione('Atto della regola di cofinanziamento applicata')
  atto: string;
}
