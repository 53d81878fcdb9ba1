import { IsArray, IsIn, IsISO8601, IsString, IsUUID, Matches } from 'class-validator';
import { GIORNO_ESISTENTE } from '../../common/giorno';
import { Centesimi, Descrizione, DescrizioneClasse, Intero, Nullable } from '../../common/schema-decorators';
import { AREE, ESITI_ISTRUTTORIA, MISURE, type Area, type EsitoIstruttoria, type Misura } from './vocabolari';

/*
 * Payloads of the avvisi's and istanze's events: ids and codes only, never personal data (no persona,
 * no ISEE): a consumer that needs more asks with its own identity.
 */

@DescrizioneClasse('Un avviso è stato pubblicato: da oggi si presentano le istanze nella sua finestra')
export class AvvisoPubblicatoV1 {
  @IsUUID()
  avvisoId: string;

  @IsIn(MISURE)
  misura: Misura;

  @Intero({ min: 2000, max: 2100 })
  annualita: number;

  @IsUUID()
  regoleId: string;

  @Matches(GIORNO_ESISTENTE)
  apertura: string;

  @Matches(GIORNO_ESISTENTE)
  chiusura: string;
}

@DescrizioneClasse('Un’istanza è stata presentata e protocollata')
export class IstanzaPresentataV1 {
  @IsUUID()
  istanzaId: string;

  @IsUUID()
  avvisoId: string;

  @IsString()
  strumento: string;

  @IsString()
  @Descrizione('Numero di protocollo, es. CREMA-2025-000123')
  protocollo: string;

  @IsISO8601()
  protocollataIl: string;

  @Nullable()
  @IsString()
  sede: string | null;
}

@DescrizioneClasse('Un’istanza è stata istruita (o l’esito da verificare è stato deciso)')
export class IstanzaIstruitaV1 {
  @IsUUID()
  istanzaId: string;

  @IsUUID()
  istruttoriaId: string;

  @IsUUID()
  avvisoId: string;

  @Intero({ min: 1 })
  numero: number;

  @IsString()
  causa: string;

  @IsIn(['calcolo', 'decisione'])
  @Descrizione('`calcolo` delle regole, o `decisione` dell’operatore su un esito da verificare')
  origine: 'calcolo' | 'decisione';

  @IsIn(ESITI_ISTRUTTORIA)
  esito: EsitoIstruttoria;

  @Nullable()
  @IsIn(AREE)
  area: Area | null;

  @IsString()
  strumento: string;

  @Nullable()
  @Centesimi()
  importoMensileCentesimi: number | null;

  @Nullable()
  @Centesimi()
  importoTotaleCentesimi: number | null;
}

@DescrizioneClasse('Un’istanza è stata giudicata non ammissibile, con i codici delle regole che la escludono')
export class IstanzaEsclusaV1 {
  @IsUUID()
  istanzaId: string;

  @IsUUID()
  istruttoriaId: string;

  @IsUUID()
  avvisoId: string;

  @IsString()
  strumento: string;

  @IsIn(['calcolo', 'decisione'])
  origine: 'calcolo' | 'decisione';

  @IsArray()
  @IsString({ each: true })
  @Descrizione('Codici delle regole non soddisfatte (vuoto per una decisione dell’operatore)')
  regole: string[];
}
