import { IsOptional, IsString } from 'class-validator';

export class LeggiTerritorioV1 {
  @IsOptional()
  @IsString()
  subAmbito?: string;
}

export interface OrarioSedeV1 {
  giorno: 'lun' | 'mar' | 'mer' | 'gio' | 'ven' | 'sab';
  dalle: string;
  alle: string;
}

export interface ComuneV1 {
  istat: string;
  belfiore: string;
  denominazione: string;
  provincia: string;
  popolazione: number;
  popolazioneAl: string;
  subAmbito: string;
}

export interface SubAmbitoV1 {
  codice: string;
  denominazione: string;
  comuneCapofila: string;
}

export interface SedeV1 {
  codice: string;
  tipo: 'hub' | 'spoke';
  denominazione: string;
  subAmbito: string;
  comune: string;
  indirizzo: string;
  orari: OrarioSedeV1[];
}

export interface TerritorioV1 {
  ambito: { codice: string; denominazione: string; enteGestore: string; comuneCapofila: string };
  versione: string;
  validoDal: string;
  comuni: ComuneV1[];
  subAmbiti: SubAmbitoV1[];
  sedi: SedeV1[];
}
