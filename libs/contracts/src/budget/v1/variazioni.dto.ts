import { DescrizioneClasse } from '../../common/schema-decorators';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { Descrizione } from '../../common/schema-decorators';
import { TestoMultiriga } from '../../common/input-pulito';
import { CODICE_PATTERN, SchemaCentesimi } from './importo';
import { Importo, NullableDescritto } from './schema';

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

export class DecidiVariazioneV1 {
  @IsUUID()
  id: string;

  @IsIn(ESITI_VARIAZIONE)
  esito: EsitoVariazione;
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
}
