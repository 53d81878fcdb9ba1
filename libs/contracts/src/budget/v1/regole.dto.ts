import { GIORNO_ESISTENTE } from '../../common/giorno';
import { DescrizioneClasse } from '../../common/schema-decorators';
import {
  IsIn,
  IsInt,
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
import { Descrizione } from '../../common/schema-decorators';
import { CODICE_PATTERN } from './importo';
import { InteroDescritto, NullableDescritto } from './schema';
import { CATEGORIE_LINEA, TIPI_REGOLA, type CategoriaLinea, type TipoRegola } from './vocabolari';

const DATA = GIORNO_ESISTENTE;

/**
 * A new version of a per-fund rule, from the legal act that sets it: the version in force until then
 * (same fund, kind and category of line) ends the day before `validoDal`.
 * - `categoria-ammessa`: the fund may finance lines of `categoria` (no percentage);
 * - `quota-massima`: at most `puntiBase` ‱ of the annualità's assignment to lines of `categoria`;
 * - `cofinanziamento-minimo`: lines of `categoria` funded by the fund commit money only with at least
 *   `puntiBase` ‱ of their dotazioni from `fondoCofinanziamento`.
 */
export class RegistraRegolaFondoV1 {
  @Matches(CODICE_PATTERN, { message: 'fondo: codice del fondo in maiuscolo, es. FSR' })
  fondo: string;

  @IsIn(TIPI_REGOLA)
  tipo: TipoRegola;

  @IsIn(CATEGORIE_LINEA)
  categoria: CategoriaLinea;

  /** Percentage in basis points (500 = 5%), for quota-massima and cofinanziamento-minimo. */
  @ValidateIf((o: RegistraRegolaFondoV1) => o.tipo !== 'categoria-ammessa' || o.puntiBase !== undefined)
  @IsInt({ message: 'puntiBase: percentuale in punti base (500 = 5%), solo per quote e cofinanziamento' })
  @Min(0)
  @Max(10_000)
  puntiBase?: number;

  @ValidateIf(
    (o: RegistraRegolaFondoV1) => o.tipo === 'cofinanziamento-minimo' || o.fondoCofinanziamento !== undefined,
  )
  @Matches(CODICE_PATTERN, {
    message: 'fondoCofinanziamento: codice del fondo che cofinanzia, solo per cofinanziamento-minimo',
  })
  fondoCofinanziamento?: string;

  @Matches(DATA, { message: 'validoDal: formato AAAA-MM-GG' })
  validoDal: string;

  @IsOptional()
  @Matches(DATA, { message: 'validoAl: formato AAAA-MM-GG' })
  validoAl?: string;

  /** The act (DGR, DM, delibera): what it is and what it says. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  atto: string;

  /** Number of the act (e.g. XII/3720 for a DGR). */
  @IsString()
  @IsNotEmpty({ message: 'attoNumero: numero dell’atto obbligatorio' })
  @MaxLength(50)
  attoNumero: string;

  /** Date of the act (AAAA-MM-GG). */
  @Matches(DATA, { message: 'attoData: formato AAAA-MM-GG' })
  attoData: string;
}

export class ElencaRegoleFondoV1 {
  @Matches(CODICE_PATTERN, { message: 'fondo: codice del fondo in maiuscolo, es. FSR' })
  fondo: string;

  /** Only the versions in force on this date. */
  @IsOptional()
  @Matches(DATA, { message: 'inVigoreIl: formato AAAA-MM-GG' })
  inVigoreIl?: string;
}

@DescrizioneClasse('Versione di una regola di fondo (la legge come dati)')
export class RegolaFondoV1 {
  @IsUUID()
  id: string;

  @IsString()
  fondo: string;

  @IsIn(TIPI_REGOLA)
  tipo: TipoRegola;

  @IsIn(CATEGORIE_LINEA)
  categoria: CategoriaLinea;

  @InteroDescritto('Percentuale in punti base (500 = 5%)', { min: 0, max: 10_000, nullable: true })
  puntiBase: number | null;

  @NullableDescritto('Fondo che cofinanzia (cofinanziamento-minimo)')
  @IsString()
  fondoCofinanziamento: string | null;

  @Matches(DATA)
  @Descrizione('Inizio di validità (AAAA-MM-GG)')
  validoDal: string;

  @NullableDescritto('Fine di validità (AAAA-MM-GG); null = senza scadenza')
  @Matches(DATA)
  validoAl: string | null;

  @IsString()
  @Descrizione('Atto che la stabilisce')
  atto: string;

  @NullableDescritto('Numero dell’atto; null per le versioni registrate prima che fosse richiesto')
  @IsString()
  attoNumero: string | null;

  @NullableDescritto('Data dell’atto (AAAA-MM-GG); null per le versioni registrate prima che fosse richiesta')
  @Matches(DATA)
  attoData: string | null;
}
