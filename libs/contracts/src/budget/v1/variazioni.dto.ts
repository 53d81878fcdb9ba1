import { DescrizioneClasse } from '../../common/schema-decorators';
import { GIORNO_ESISTENTE } from '../../common/giorno';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsDefined,
  IsISO8601,
  IsNotEmpty,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Annidato, Descrizione } from '../../common/schema-decorators';
import { TestoMultiriga } from '../../common/input-pulito';
import { CODICE_PATTERN, SchemaCentesimi } from './importo';
import { Importo, NullableDescritto } from './schema';
import { ORGANI_VARIAZIONE, type OrganoVariazione } from './vocabolari';

/**
 * A change of a line's preventivo in the piano operativo. It takes effect only when the Ufficio di
 * Piano approves it; proposals and decisions are kept as history.
 */
export class ProponiVariazioneV1 {
  @Matches(CODICE_PATTERN, { message: 'linea: codice della linea di spesa' })
  linea: string;

  @SchemaCentesimi()
  @IsInt({ message: 'preventivoCentesimi: importo in centesimi, numero intero' })
  @Min(0, { message: 'preventivoCentesimi: non può essere negativo' })
  @Max(Number.MAX_SAFE_INTEGER)
  preventivoCentesimi: number;

  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  @TestoMultiriga()
  motivazione: string;
}

export const ESITI_VARIAZIONE = ['approvata', 'respinta'] as const;
export type EsitoVariazione = (typeof ESITI_VARIAZIONE)[number];
export const STATI_VARIAZIONE = ['proposta', ...ESITI_VARIAZIONE] as const;
export type StatoVariazione = (typeof STATI_VARIAZIONE)[number];

/**
 * The act that approves a variazione: a delibera of the Assemblea dei Sindaci, or of the body it
 * delegated (then `delega` names the act of delegation).
 */
export class AttoVariazioneV1 {
  @IsIn(ORGANI_VARIAZIONE)
  @Descrizione('`assemblea-dei-sindaci` o `organo-delegato`')
  organo: OrganoVariazione;

  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  @Descrizione('Numero della delibera, come scritto sull’atto')
  numero: string;

  @Matches(GIORNO_ESISTENTE, { message: 'atto.data: data della delibera nel formato AAAA-MM-GG' })
  @Descrizione('Data della delibera (AAAA-MM-GG)')
  data: string;

  /** The act of the Assemblea that delegated the body, e.g. `Delibera Assemblea n. 4 del 12/02/2025`. */
  @ValidateIf((o: AttoVariazioneV1) => o.organo === 'organo-delegato' || o.delega !== undefined)
  @IsString({ message: 'atto.delega: l’atto di delega è obbligatorio per un organo delegato' })
  @IsNotEmpty({ message: 'atto.delega: l’atto di delega è obbligatorio per un organo delegato' })
  @MaxLength(200)
  @Descrizione('Atto di delega dell’Assemblea dei Sindaci (solo per un organo delegato)')
  delega?: string;
}

/**
 * Approves or rejects a proposed variazione. Approval needs its act; the one who decides is never the
 * one who proposed it (separation of duties).
 */
export class DecidiVariazioneV1 {
  @IsUUID()
  id: string;

  @IsIn(ESITI_VARIAZIONE)
  esito: EsitoVariazione;

  /** Required to approve; a rejection may give it too. */
  @ValidateIf((o: DecidiVariazioneV1) => o.esito === 'approvata' || o.atto !== undefined)
  @ValidateNested()
  @Type(() => AttoVariazioneV1)
  @IsDefined({ message: 'atto: la delibera che approva la variazione è obbligatoria' })
  atto?: AttoVariazioneV1;
}

export class ElencaVariazioniV1 {
  @Matches(CODICE_PATTERN, { message: 'linea: codice della linea di spesa' })
  linea: string;
}

@DescrizioneClasse('Variazione del preventivo di una linea del piano operativo')
export class VariazioneV1 {
  @IsUUID()
  id: string;

  @IsString()
  linea: string;

  @Importo('Preventivo al momento della proposta')
  preventivoPrecedenteCentesimi: number;

  @Importo('Preventivo proposto')
  preventivoCentesimi: number;

  @IsString()
  motivazione: string;

  @IsIn(STATI_VARIAZIONE)
  stato: StatoVariazione;

  @IsString()
  @Descrizione('Chi l’ha proposta')
  propostaDa: string;

  @IsISO8601()
  @Descrizione('Quando è stata proposta')
  propostaIl: string;

  @NullableDescritto('Chi l’ha approvata o respinta; null = ancora da decidere')
  @IsString()
  decisaDa: string | null;

  @NullableDescritto('Quando è stata decisa; null = ancora da decidere')
  @IsISO8601()
  decisaIl: string | null;

  @NullableDescritto('Atto che l’ha decisa; null = ancora da decidere, o respinta senza atto')
  @Annidato(() => AttoVariazioneV1)
  atto: AttoVariazioneV1 | null;
}
