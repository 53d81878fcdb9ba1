import { IsIn, IsInt, IsNotEmpty, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { CODICE_PATTERN } from './importo';

/**
 * A change of a line's preventivo in the piano operativo. It takes effect only when the Ufficio di
 * Piano approves it; proposals and decisions are kept as history.
 */
export class ProponiVariazioneV1 {
  @Matches(CODICE_PATTERN, { message: 'linea: codice della linea di spesa' })
  linea: string;

  @IsInt({ message: 'preventivoCentesimi: importo in centesimi, numero intero' })
  @Min(0, { message: 'preventivoCentesimi: non può essere negativo' })
  @Max(Number.MAX_SAFE_INTEGER)
  preventivoCentesimi: number;

  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
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

export interface VariazioneV1 {
  id: string;
  linea: string;
  preventivoPrecedenteCentesimi: number;
  preventivoCentesimi: number;
  motivazione: string;
  stato: StatoVariazione;
  propostaDa: string;
  propostaIl: string;
  decisaDa: string | null;
  decisaIl: string | null;
}
