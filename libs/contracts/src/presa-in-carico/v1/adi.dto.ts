import {
  ArrayMaxSize,
  ArrayMinSize,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { PaginazioneV1, paginaDi } from '../../common/pagination';
import { Annidato, Descrizione, DescrizioneClasse, Intero, Nullable } from '../../common/schema-decorators';
import { CODICE_FISCALE_PATTERN, ISO_DATE_PATTERN } from '../../accesso/v1/persona.dto';
import { PersonaCartellaV1 } from './cartella.dto';
import { EsitoObiettivoVerificatoV1 } from './monitoraggio.dto';
import { OperatoreCartellaV1 } from './operatore.dto';
import { ObiettivoV1 } from './progetto.dto';

/**
 * The ADI application's id as GePI shows it (INPS protocol of the domanda): letters, digits, `-`, `/`
 * and `.`, 4 to 40 characters. It identifies the household across imports.
 */
export const CODICE_DOMANDA_ADI_PATTERN = /^[A-Z0-9][A-Z0-9./-]{3,39}$/;

/** Most households of one registration: one GePI file (integrazioni refuses a longer one). */
export const MAX_NUCLEI_ADI_PER_REGISTRAZIONE = 500;

/**
 * The ADI deadlines (DL 48/2023, DM 72/2024; regole-lombardia.md §7.1, rule 24): presa in carico by
 * law and recommended, from the PAD; the periodic verifica from the patto and each verifica.
 */
export const TIPI_SCADENZA_ADI = [
  'presa-in-carico-legale',
  'presa-in-carico-raccomandata',
  'verifica-periodica',
] as const;
export type TipoScadenzaAdi = (typeof TIPI_SCADENZA_ADI)[number];

/** `rispettata`: met on `rispettataIl`; `aperta`: not yet due; `scaduta`: due and not met. */
export const STATI_SCADENZA_ADI = ['aperta', 'rispettata', 'scaduta'] as const;
export type StatoScadenzaAdi = (typeof STATI_SCADENZA_ADI)[number];

/** `aperta`: a new cartella; `unita`: the person's existing one; `gia-presente`: the domanda was already registered. */
export const ESITI_NUCLEO_ADI = ['aperta', 'unita', 'gia-presente'] as const;
export type EsitoNucleoAdi = (typeof ESITI_NUCLEO_ADI)[number];

/** One ADI household of a GePI file: its applicant, who holds the cartella, and the PAD date. */
export class DomandaAdiV1 {
  @Intero({ min: 1, max: 100_000 })
  @Descrizione('Riga del file di origine, per gli errori')
  riga: number;

  @Matches(CODICE_DOMANDA_ADI_PATTERN, { message: 'codiceDomanda: protocollo della domanda ADI' })
  codiceDomanda: string;

  @Annidato(() => PersonaCartellaV1)
  persona: PersonaCartellaV1;

  @Nullable()
  @IsUUID()
  @Descrizione('La persona dell’anagrafe di accesso, se registrata')
  personaId: string | null;

  @Matches(ISO_DATE_PATTERN, { message: 'dataPad: formato AAAA-MM-GG' })
  @Descrizione('Sottoscrizione del Patto di Attivazione Digitale')
  dataPad: string;

  @Nullable()
  @Intero({ min: 1, max: 50 })
  @Descrizione('Componenti del nucleo secondo GePI')
  componenti: number | null;
}

/** `presa-in-carico.adi.registra-nuclei`: the households of one import, all or none. */
export class RegistraNucleiAdiV1 {
  @Annidato(() => DomandaAdiV1, { lista: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_NUCLEI_ADI_PER_REGISTRAZIONE)
  domande: DomandaAdiV1[];

  @IsString()
  @MaxLength(100)
  @Descrizione('L’importazione di origine (integrazioni), scritta nel diario')
  riferimento: string;
}

export class EsitoNucleoAdiV1 {
  @IsString()
  codiceDomanda: string;

  @IsIn(ESITI_NUCLEO_ADI)
  esito: EsitoNucleoAdi;

  @IsUUID()
  cartellaId: string;

  @IsUUID()
  nucleoId: string;
}

@DescrizioneClasse('Cosa ha fatto la registrazione di ciascun nucleo ADI')
export class RegistrazioneNucleiAdiV1 {
  @Annidato(() => EsitoNucleoAdiV1, { lista: true })
  esiti: EsitoNucleoAdiV1[];
}

/** The versioned parameter a deadline was computed with (law as data). */
export class ParametroScadenzaAdiV1 {
  @IsString()
  codice: string;

  @Matches(ISO_DATE_PATTERN)
  validoDal: string;

  @Intero({ min: 0 })
  @Descrizione('Giorni')
  giorni: number;

  @IsString()
  @Descrizione('Atto e grado di affidabilità della fonte')
  atto: string;
}

export class ScadenzaAdiV1 {
  @IsIn(TIPI_SCADENZA_ADI)
  tipo: TipoScadenzaAdi;

  @Matches(ISO_DATE_PATTERN)
  scadenza: string;

  @IsIn(STATI_SCADENZA_ADI)
  stato: StatoScadenzaAdi;

  @Nullable()
  @Matches(ISO_DATE_PATTERN)
  @Descrizione('Quando è stata rispettata (prima valutazione, verifica)')
  rispettataIl: string | null;

  @Annidato(() => ParametroScadenzaAdiV1)
  parametro: ParametroScadenzaAdiV1;
}

/** `scadute`: only the households with an overdue deadline (the coordinator's view). */
export const FILTRI_NUCLEI_ADI = ['tutti', 'scaduti'] as const;
export type FiltroNucleiAdi = (typeof FILTRI_NUCLEI_ADI)[number];

export class ElencaNucleiAdiV1 extends PaginazioneV1 {
  @IsOptional()
  @IsIn(FILTRI_NUCLEI_ADI)
  filtro?: FiltroNucleiAdi;

  @IsOptional()
  @Matches(ISO_DATE_PATTERN, { message: 'al: formato AAAA-MM-GG' })
  @Descrizione('Il giorno a cui valutare le scadenze; oggi se assente')
  al?: string;
}

@DescrizioneClasse('Un nucleo ADI importato da GePI con le sue scadenze')
export class NucleoAdiV1 {
  @IsUUID()
  id: string;

  @IsString()
  codiceDomanda: string;

  @IsUUID()
  cartellaId: string;

  @Matches(CODICE_FISCALE_PATTERN)
  codiceFiscale: string;

  @IsString()
  cognome: string;

  @IsString()
  nome: string;

  @IsString()
  subAmbito: string;

  @Nullable()
  @Annidato(() => OperatoreCartellaV1)
  caseManager: OperatoreCartellaV1 | null;

  @Matches(ISO_DATE_PATTERN)
  dataPad: string;

  @Nullable()
  @Intero({ min: 1 })
  componenti: number | null;

  @Annidato(() => ScadenzaAdiV1, { lista: true })
  scadenze: ScadenzaAdiV1[];
}

export class PaginaNucleiAdiV1 extends paginaDi(NucleoAdiV1) {}

/** `presa-in-carico.adi.leggi-patti`: the patti of the ADI households of these sub-ambiti. */
export class LeggiPattiAdiV1 {
  @IsString({ each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  subAmbiti: string[];
}

export class VerificaPattoAdiV1 {
  @Matches(ISO_DATE_PATTERN)
  data: string;

  @Annidato(() => EsitoObiettivoVerificatoV1, { lista: true })
  esiti: EsitoObiettivoVerificatoV1[];

  @Nullable()
  @IsString()
  note: string | null;
}

@DescrizioneClasse(
  'Un patto per l’inclusione (versione approvata del PaIS) di un nucleo ADI, con i monitoraggi',
)
export class PattoAdiV1 {
  @IsString()
  codiceDomanda: string;

  @Matches(CODICE_FISCALE_PATTERN)
  codiceFiscale: string;

  @IsString()
  subAmbito: string;

  @IsUUID()
  progettoId: string;

  @Intero({ min: 1 })
  versione: number;

  @IsString()
  stato: string;

  @Nullable()
  @Matches(ISO_DATE_PATTERN)
  @Descrizione('Approvazione del Comune (sottoscrizione del patto)')
  approvatoIl: string | null;

  @Matches(ISO_DATE_PATTERN)
  dataInizio: string;

  @Matches(ISO_DATE_PATTERN)
  dataFine: string;

  @Annidato(() => ObiettivoV1, { lista: true })
  obiettivi: ObiettivoV1[];

  @IsString({ each: true })
  impegni: string[];

  @Annidato(() => VerificaPattoAdiV1, { lista: true })
  verifiche: VerificaPattoAdiV1[];
}
