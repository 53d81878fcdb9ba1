import { IsIn, IsOptional, IsString, Matches, Min } from 'class-validator';
import { ISO_DATE_PATTERN, ISTAT_PATTERN } from '../../accesso/v1/persona.dto';
import {
  Annidato,
  Centesimi,
  Decimale,
  Descrizione,
  DescrizioneClasse,
  Intero,
  Nullable,
} from '../../common/schema-decorators';

/** Where the Ambito stands against the LEPS servizio sociale professionale (L. 178/2020 art. 1 c. 797). */
export const FASCE_LEPS_AS = [
  'sotto-soglia-minima',
  'verso-obiettivo',
  'obiettivo-raggiunto',
  'obiettivo-ulteriore-raggiunto',
] as const;
export type FasciaLepsAs = (typeof FASCE_LEPS_AS)[number];

export class CalcolaLepsV1 {
  /** Reference date: the parameters in force on it (default today). */
  @IsOptional()
  @Matches(ISO_DATE_PATTERN, { message: 'al: formato AAAA-MM-GG' })
  al?: string;
}

@DescrizioneClasse('Soglie e contributi del LEPS servizio sociale professionale in vigore alla data')
export class ParametriLepsAsV1 {
  @Intero({ min: 1 })
  @Descrizione('Soglia minima: abitanti per AS oltre la quale non spetta contributo (6.500)')
  abitantiPerAsSogliaMinima: number;

  @Intero({ min: 1 })
  @Descrizione('Obiettivo di servizio: abitanti per AS (5.000)')
  abitantiPerAsObiettivo: number;

  @Intero({ min: 1 })
  @Descrizione('Obiettivo ulteriore: abitanti per AS (4.000)')
  abitantiPerAsObiettivoUlteriore: number;

  @Centesimi()
  @Descrizione('Contributo annuo per AS fra la soglia minima e l’obiettivo (40.000 €)')
  contributoFascia1Centesimi: number;

  @Centesimi()
  @Descrizione('Contributo annuo per AS fra l’obiettivo e l’obiettivo ulteriore (20.000 €)')
  contributoFascia2Centesimi: number;

  @IsString()
  @Descrizione('Atti da cui derivano i parametri')
  atto: string;
}

@DescrizioneClasse('Ore settimanali di servizio sociale professionale attese per un comune')
export class OreAsComuneV1 {
  @Matches(ISTAT_PATTERN)
  istat: string;

  @IsString()
  denominazione: string;

  @IsString()
  subAmbito: string;

  @Intero({ min: 0 })
  popolazione: number;

  @Intero({ min: 0 })
  @Descrizione('Ore settimanali di AS secondo lo standard configurato (popolazione ÷ abitanti per ora)')
  oreStandard: number;
}

@DescrizioneClasse(
  'Indicatore configurabile delle ore di AS per comune (es. Casalasco: 1 ora ogni 125 abitanti)',
)
export class IndicatoreOreAsV1 {
  @Intero({ min: 1 })
  abitantiPerOra: number;

  @IsString()
  atto: string;

  @Annidato(() => OreAsComuneV1, { lista: true })
  comuni: OreAsComuneV1[];
}

/**
 * The LEPS servizio sociale professionale of the whole Ambito: permanent assistenti sociali in FTE,
 * whoever employs them, against the thresholds and the expected contribution in force (exportable to
 * SIOSS as it is).
 */
@DescrizioneClasse('Indicatore LEPS servizio sociale professionale dell’Ambito (prospetto SIOSS)')
export class LepsRispostaV1 {
  @Matches(ISO_DATE_PATTERN)
  @Descrizione('Data di riferimento')
  al: string;

  @Intero({ min: 0 })
  @Descrizione('Abitanti dell’Ambito')
  popolazione: number;

  @Decimale(2)
  @Min(0)
  @Descrizione('Assistenti sociali a tempo indeterminato, in tempo pieno equivalente, di qualsiasi ente')
  assistentiSocialiFte: number;

  @Nullable()
  @Intero({ min: 0 })
  @Descrizione('Null se non ci sono AS a tempo indeterminato')
  abitantiPerAssistenteSociale: number | null;

  @IsIn(FASCE_LEPS_AS)
  fascia: FasciaLepsAs;

  @Decimale(2)
  @Min(0)
  @Descrizione('AS (FTE) che mancano per raggiungere l’obiettivo di servizio')
  asMancantiObiettivo: number;

  @Decimale(2)
  @Min(0)
  @Descrizione('AS (FTE) fra la soglia minima e l’obiettivo')
  unitaFascia1: number;

  @Decimale(2)
  @Min(0)
  @Descrizione('AS (FTE) fra l’obiettivo e l’obiettivo ulteriore')
  unitaFascia2: number;

  @Centesimi()
  @Descrizione('Contributo annuo atteso')
  contributoAttesoCentesimi: number;

  @Annidato(() => ParametriLepsAsV1)
  parametri: ParametriLepsAsV1;

  @Nullable()
  @Annidato(() => IndicatoreOreAsV1)
  @Descrizione('Null se nessuno standard di ore è configurato alla data')
  oreAs: IndicatoreOreAsV1 | null;
}
