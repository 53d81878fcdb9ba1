import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsDefined,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  ValidateNested,
} from 'class-validator';
import { GIORNO_ESISTENTE } from '../../common/giorno';
import { Annidato, Descrizione, DescrizioneClasse } from '../../common/schema-decorators';
import { AttoV1 } from './fondi.dto';
import { CODICE_PATTERN } from './importo';
import { NullableDescritto } from './schema';
import { OPERAZIONI_ABILITABILI, type OperazioneAbilitabile } from './vocabolari';

/** The name of a calling service, as its identity carries it (`servizio:<nome>`), e.g. `misure`. */
export const NOME_SERVIZIO_PATTERN = /^[a-z][a-z0-9-]{1,39}$/;

/**
 * Grants a calling service (e.g. `misure`) some operations on a line (and its articoli) for a period,
 * by an act of the Ufficio di Piano. A service without a grant in force on the line is refused.
 */
export class RegistraAbilitazioneV1 {
  @Matches(NOME_SERVIZIO_PATTERN, { message: 'servizio: nome del servizio chiamante, es. misure' })
  servizio: string;

  @Matches(CODICE_PATTERN, { message: 'linea: codice della linea o dell’articolo' })
  linea: string;

  @IsArray()
  @ArrayMinSize(1, { message: 'operazioni: almeno un’operazione' })
  @ArrayMaxSize(OPERAZIONI_ABILITABILI.length)
  @ArrayUnique()
  @IsIn(OPERAZIONI_ABILITABILI, { each: true, message: 'operazioni: impegno, liquidazione, riduzione' })
  operazioni: OperazioneAbilitabile[];

  @Matches(GIORNO_ESISTENTE, { message: 'validoDal: data nel formato AAAA-MM-GG' })
  validoDal: string;

  /** Last day of validity; absent = until revoked. */
  @IsOptional()
  @Matches(GIORNO_ESISTENTE, { message: 'validoAl: data nel formato AAAA-MM-GG' })
  validoAl?: string;

  @IsDefined({ message: 'atto: l’atto che abilita il servizio è obbligatorio' })
  @ValidateNested()
  @Type(() => AttoV1)
  atto: AttoV1;
}

export class ElencaAbilitazioniV1 {
  @IsOptional()
  @Matches(NOME_SERVIZIO_PATTERN, { message: 'servizio: nome del servizio chiamante, es. misure' })
  servizio?: string;
}

/** Ends a grant: from `dal` (today when absent) the service is refused. The grant stays in the history. */
export class RevocaAbilitazioneV1 {
  @IsUUID()
  id: string;

  @IsOptional()
  @Matches(GIORNO_ESISTENTE, { message: 'dal: data nel formato AAAA-MM-GG' })
  dal?: string;
}

@DescrizioneClasse('Abilitazione di un servizio chiamante su una linea')
export class AbilitazioneV1 {
  @IsUUID()
  id: string;

  @IsString()
  @Descrizione('Servizio chiamante, es. misure')
  servizio: string;

  @IsString()
  @Descrizione('Linea o articolo (l’abilitazione su una linea vale per i suoi articoli)')
  linea: string;

  @IsIn(OPERAZIONI_ABILITABILI, { each: true })
  operazioni: OperazioneAbilitabile[];

  @Matches(GIORNO_ESISTENTE)
  validoDal: string;

  @NullableDescritto('Ultimo giorno di validità; null = fino a revoca')
  @Matches(GIORNO_ESISTENTE)
  validoAl: string | null;

  @Annidato(() => AttoV1)
  atto: AttoV1;

  @IsString()
  registrataDa: string;

  @IsISO8601()
  registrataIl: string;

  @NullableDescritto('Chi l’ha revocata; null = non revocata')
  @IsString()
  revocataDa: string | null;

  @NullableDescritto('Da quando non vale più per revoca; null = non revocata')
  @Matches(GIORNO_ESISTENTE)
  revocataDal: string | null;
}
