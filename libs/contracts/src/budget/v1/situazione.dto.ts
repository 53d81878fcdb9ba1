import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { ALLA_PATTERN, CODICE_PATTERN } from './importo';
import type { CategoriaLinea } from './vocabolari';

const ALLA_MESSAGGIO = 'alla: data AAAA-MM-GG (fine giornata, ora italiana) o istante ISO 8601';

/** Situation of a fund, per annualità; `alla` reconstructs it from the ledger at a past moment. */
export class SituazioneFondoV1 {
  @Matches(CODICE_PATTERN, { message: 'fondo: codice del fondo in maiuscolo, es. FNA-B2' })
  fondo: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  anno?: number;

  @IsOptional()
  @Matches(ALLA_PATTERN, { message: ALLA_MESSAGGIO })
  alla?: string;
}

export class SituazioneLineaV1 {
  @Matches(CODICE_PATTERN, { message: 'linea: codice della linea di spesa' })
  linea: string;

  @IsOptional()
  @Matches(ALLA_PATTERN, { message: ALLA_MESSAGGIO })
  alla?: string;
}

/** The derived balances; `disponibile` = dotato − impegnato. */
export interface SaldiV1 {
  dotatoCentesimi: number;
  impegnatoCentesimi: number;
  liquidatoCentesimi: number;
  disponibileCentesimi: number;
}

export interface SaldiAnnualitaV1 extends SaldiV1 {
  assegnatoCentesimi: number;
  /** Assigned and not yet allocated to a line (assegnato − dotato). */
  daDotareCentesimi: number;
}

export interface SituazioneAnnualitaV1 extends SaldiAnnualitaV1 {
  anno: number;
  linee: Array<SaldiV1 & { codice: string; denominazione: string; categoria: CategoriaLinea }>;
}

export interface SituazioneFondoRispostaV1 {
  fondo: { codice: string; denominazione: string };
  /** The moment reconstructed (ISO instant); null = now. */
  alla: string | null;
  annualita: SituazioneAnnualitaV1[];
  totale: SaldiAnnualitaV1;
}

export interface SituazioneLineaRispostaV1 extends SaldiV1 {
  linea: {
    codice: string;
    denominazione: string;
    esercizio: number;
    categoria: CategoriaLinea;
    preventivoCentesimi: number;
  };
  alla: string | null;
  perAnnualita: Array<SaldiV1 & { fondo: string; anno: number }>;
  /** Committed and paid amounts by the beneficiaries' comune of residence (null = not given). */
  perComune: Array<{ comune: string | null; impegnatoCentesimi: number; liquidatoCentesimi: number }>;
}
