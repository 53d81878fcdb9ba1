import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, ValidateNested } from 'class-validator';
import { Annidato, Descrizione, Intero } from '../../common/schema-decorators';
import { BELFIORE_PATTERN, ISO_DATE_PATTERN, ISTAT_PATTERN } from './persona.dto';

export const ORA_PATTERN = /^\d{2}:\d{2}$/;

export class LeggiTerritorioV1 {
  @IsOptional()
  @IsString()
  subAmbito?: string;
}

export const GIORNI = ['lun', 'mar', 'mer', 'gio', 'ven', 'sab'] as const;
export const TIPI_SEDE = ['hub', 'spoke'] as const;

/**
 * What a sede is for (seed 000, 003): the sub-ambito équipe's office (hub), an access point (spoke),
 * the sportello assistenti familiari, the ambito-level (district) services, the Presidio sociale
 * integrato e itinerante, Tutela minori. `tipo` stays hub|spoke for the clients that read it.
 */
export const FUNZIONI_SEDE = [
  'equipe',
  'punto-accesso',
  'sportello-assistenti-familiari',
  'servizi-ambito',
  'presidio-itinerante',
  'tutela-minori',
] as const;
export type FunzioneSede = (typeof FUNZIONI_SEDE)[number];

/** A sede serves its sub-ambito, or the whole ambito (district services). */
export const LIVELLI_SEDE = ['sub-ambito', 'ambito'] as const;

/** The sections of a territorio file whose content may be illustrative (not official). */
export const SEZIONI_TERRITORIO = ['ambito', 'comuni', 'subAmbiti', 'sedi'] as const;

/** What in the file is illustrative (demo) and not official data: a deployment refuses it in production. */
export class IllustrativoV1 {
  @IsIn(SEZIONI_TERRITORIO, { each: true })
  @Descrizione('Sezioni del file con dati illustrativi, non ufficiali')
  sezioni: (typeof SEZIONI_TERRITORIO)[number][];

  @IsString()
  @Descrizione('Che cosa è illustrativo e perché')
  nota: string;
}

export class OrarioSedeV1 {
  @IsIn(GIORNI)
  giorno: (typeof GIORNI)[number];

  @Matches(ORA_PATTERN)
  dalle: string;

  @Matches(ORA_PATTERN)
  alle: string;
}

export class ComuneV1 {
  @Matches(ISTAT_PATTERN)
  istat: string;

  @Matches(BELFIORE_PATTERN)
  belfiore: string;

  @IsString()
  denominazione: string;

  @IsString()
  provincia: string;

  @Intero({ min: 0 })
  popolazione: number;

  @Matches(ISO_DATE_PATTERN)
  popolazioneAl: string;

  @IsString()
  subAmbito: string;
}

export class SubAmbitoV1 {
  @IsString()
  codice: string;

  @IsString()
  denominazione: string;

  @Matches(ISTAT_PATTERN)
  comuneCapofila: string;

  @IsOptional()
  @IsString()
  @Descrizione('Distretto (codice) del sub-ambito, quando l’ambito ne ha più di uno')
  distretto?: string;
}

export class SedeV1 {
  @IsString()
  codice: string;

  @IsIn(TIPI_SEDE)
  tipo: (typeof TIPI_SEDE)[number];

  @IsString()
  denominazione: string;

  @IsString()
  subAmbito: string;

  @Matches(ISTAT_PATTERN)
  comune: string;

  @IsString()
  indirizzo: string;

  @Annidato(() => OrarioSedeV1, { lista: true })
  orari: OrarioSedeV1[];

  @IsOptional()
  @IsIn(FUNZIONI_SEDE, { each: true })
  @Descrizione('Funzioni della sede (équipe, punto di accesso, sportello assistenti familiari, …)')
  funzioni?: FunzioneSede[];

  @IsOptional()
  @IsIn(LIVELLI_SEDE)
  @Descrizione('ambito: servizio distrettuale per tutti i comuni; sub-ambito quando assente')
  livello?: (typeof LIVELLI_SEDE)[number];

  @IsOptional()
  @IsBoolean()
  @Descrizione('Sede itinerante: gli orari sono indicativi, il servizio si sposta sul territorio')
  itinerante?: boolean;
}

/** A district of an ambito with more than one managing body (Oglio Po: Casalasco and Viadanese). */
export class DistrettoV1 {
  @IsString()
  codice: string;

  @IsString()
  denominazione: string;

  @IsString()
  enteGestore: string;

  @IsString()
  @Descrizione('ASST del distretto')
  asst: string;
}

export class AmbitoTerritorialeV1 {
  @IsString()
  codice: string;

  @IsString()
  denominazione: string;

  @IsString()
  enteGestore: string;

  @Matches(ISTAT_PATTERN)
  comuneCapofila: string;

  @IsOptional()
  @Annidato(() => DistrettoV1, { lista: true })
  @Descrizione('Distretti dell’ambito con il loro ente gestore, quando più di uno')
  distretti?: DistrettoV1[];

  @IsOptional()
  @IsString({ each: true })
  @Descrizione('ASST del territorio')
  asst?: string[];
}

export class TerritorioV1 {
  @Annidato(() => AmbitoTerritorialeV1)
  ambito: AmbitoTerritorialeV1;

  @IsString()
  versione: string;

  @Matches(ISO_DATE_PATTERN)
  validoDal: string;

  @Annidato(() => ComuneV1, { lista: true })
  comuni: ComuneV1[];

  @Annidato(() => SubAmbitoV1, { lista: true })
  subAmbiti: SubAmbitoV1[];

  @Annidato(() => SedeV1, { lista: true })
  sedi: SedeV1[];

  @IsOptional()
  @ValidateNested()
  @Type(() => IllustrativoV1)
  @Descrizione('Presente quando il file contiene dati illustrativi (dimostrazione), non ufficiali')
  illustrativo?: IllustrativoV1;
}
