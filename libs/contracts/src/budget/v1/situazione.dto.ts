import { DescrizioneClasse } from '../../common/schema-decorators';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { Annidato, Descrizione, Intero } from '../../common/schema-decorators';
import { ALLA_PATTERN, CODICE_PATTERN, IstanteReale } from './importo';
import { Importo, NullableDescritto } from './schema';
import { CATEGORIE_LINEA, type CategoriaLinea } from './vocabolari';

const ALLA_DESCRIZIONE =
  'Momento ricostruito (`alla` della richiesta: data AAAA-MM-GG o istante ISO); null = ora';
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
  @IstanteReale(ALLA_MESSAGGIO)
  alla?: string;
}

export class SituazioneLineaV1 {
  @Matches(CODICE_PATTERN, { message: 'linea: codice della linea di spesa' })
  linea: string;

  @IsOptional()
  @Matches(ALLA_PATTERN, { message: ALLA_MESSAGGIO })
  @IstanteReale(ALLA_MESSAGGIO)
  alla?: string;
}

/**
 * The derived balances; `disponibile` = dotato − impegnato. Liquidato is what is due (TUEL art. 184),
 * pagato what mandati have paid of it (art. 185).
 */
export class SaldiV1 {
  @Importo('Assegnato alla linea con dotazioni')
  dotatoCentesimi: number;

  @Importo('Impegnato (al netto delle riduzioni)')
  impegnatoCentesimi: number;

  @Importo('Liquidato')
  liquidatoCentesimi: number;

  @Importo('Pagato con mandato')
  pagatoCentesimi: number;

  @Importo('Disponibile da impegnare: dotato − impegnato')
  disponibileCentesimi: number;
}

export class SaldiAnnualitaV1 extends SaldiV1 {
  @Importo('Assegnato all’Ambito dagli atti')
  assegnatoCentesimi: number;

  /** Assigned and not yet allocated to a line (assegnato − dotato). */
  @Importo('Assegnato e non ancora dotato a una linea (assegnato − dotato)')
  daDotareCentesimi: number;
}

/** A line's balances on one annualità of the fund. */
export class SaldiLineaAnnualitaV1 extends SaldiV1 {
  @IsString()
  codice: string;

  @IsString()
  denominazione: string;

  @IsIn(CATEGORIE_LINEA)
  categoria: CategoriaLinea;
}

export class SituazioneAnnualitaV1 extends SaldiAnnualitaV1 {
  @Intero()
  anno: number;

  @Annidato(() => SaldiLineaAnnualitaV1, { lista: true })
  linee: SaldiLineaAnnualitaV1[];
}

export class FondoInSituazioneV1 {
  @IsString()
  codice: string;

  @IsString()
  denominazione: string;
}

@DescrizioneClasse('Situazione di un fondo per annualità')
export class SituazioneFondoRispostaV1 {
  @Annidato(() => FondoInSituazioneV1)
  fondo: FondoInSituazioneV1;

  /** The moment reconstructed (the request's `alla`, a date or an ISO instant); null = now. */
  @NullableDescritto(ALLA_DESCRIZIONE)
  @Matches(ALLA_PATTERN)
  alla: string | null;

  @Annidato(() => SituazioneAnnualitaV1, { lista: true })
  annualita: SituazioneAnnualitaV1[];

  @Annidato(() => SaldiAnnualitaV1)
  totale: SaldiAnnualitaV1;
}

export class LineaInSituazioneV1 {
  @IsString()
  codice: string;

  @IsString()
  denominazione: string;

  @Intero()
  esercizio: number;

  @IsIn(CATEGORIE_LINEA)
  categoria: CategoriaLinea;

  @Importo('Preventivo')
  preventivoCentesimi: number;

  @NullableDescritto('Linea di cui è un articolo; null = linea del piano operativo')
  @IsString()
  lineaPadre: string | null;

  @NullableDescritto('Fondo a cui l’articolo è vincolato; null = linea')
  @IsString()
  fondo: string | null;
}

/** An articolo of the line, with its own balances (its money never mixes with the others'). */
export class SaldiArticoloV1 extends SaldiV1 {
  @IsString()
  codice: string;

  @IsString()
  denominazione: string;

  @IsString()
  @Descrizione('Fondo a cui l’articolo è vincolato')
  fondo: string;
}

/** A line's balances on the annualità of one fund that finances it. */
export class SaldiPerAnnualitaV1 extends SaldiV1 {
  @IsString()
  fondo: string;

  @Intero()
  anno: number;
}

/** Committed and paid amounts by the beneficiaries' comune of residence. */
export class SaldiPerComuneV1 {
  @NullableDescritto('Codice ISTAT; null = non indicato')
  @IsString()
  comune: string | null;

  @Importo('Impegnato (al netto delle riduzioni)')
  impegnatoCentesimi: number;

  @Importo('Liquidato')
  liquidatoCentesimi: number;

  @Importo('Pagato con mandato')
  pagatoCentesimi: number;
}

@DescrizioneClasse('Situazione di una linea di spesa')
export class SituazioneLineaRispostaV1 extends SaldiV1 {
  @Annidato(() => LineaInSituazioneV1)
  linea: LineaInSituazioneV1;

  @NullableDescritto(ALLA_DESCRIZIONE)
  @Matches(ALLA_PATTERN)
  alla: string | null;

  @Annidato(() => SaldiPerAnnualitaV1, { lista: true })
  perAnnualita: SaldiPerAnnualitaV1[];

  /** Committed and paid amounts by the beneficiaries' comune of residence (null = not given). */
  @Annidato(() => SaldiPerComuneV1, { lista: true })
  perComune: SaldiPerComuneV1[];

  /** The line's articoli, each with its balances; the line's totals include them. */
  @Annidato(() => SaldiArticoloV1, { lista: true })
  articoli: SaldiArticoloV1[];
}
