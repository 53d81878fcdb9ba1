import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { Annidato, Intero } from '../../common/schema-decorators';
import { BELFIORE_PATTERN, ISO_DATE_PATTERN, ISTAT_PATTERN } from './persona.dto';

export const ORA_PATTERN = /^\d{2}:\d{2}$/;

export class LeggiTerritorioV1 {
  @IsOptional()
  @IsString()
  subAmbito?: string;
}

export const GIORNI = ['lun', 'mar', 'mer', 'gio', 'ven', 'sab'] as const;
export const TIPI_SEDE = ['hub', 'spoke'] as const;

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
}
