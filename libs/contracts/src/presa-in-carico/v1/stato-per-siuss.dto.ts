import { IsBoolean, IsIn, IsObject, IsString, IsUUID, Matches } from 'class-validator';
import { ISO_DATE_PATTERN } from '../../accesso/v1/persona.dto';
import {
  Annidato,
  Centesimi,
  Descrizione,
  DescrizioneClasse,
  Intero,
  Nullable,
} from '../../common/schema-decorators';
import { MappaInteri } from './schema';
import {
  AREE_UTENZA,
  CARATTERI_PRESTAZIONE,
  PRESENZE_PROVA_MEZZI,
  type AreaUtenza,
  type CaratterePrestazione,
  type PresenzaProvaMezzi,
} from './vocabolari';

/** `presa-in-carico.cartella.leggi-per-siuss`: what the SIUSS feed needs of a person's cartella. */
export class LeggiPerSiussV1 {
  @IsUUID()
  @Descrizione('La persona dell’anagrafe di accesso')
  personaId: string;
}

@DescrizioneClasse('L’ultima valutazione SINA dell’episodio in corso (risposte com’erano registrate)')
export class ValutazioneSinaPerSiussV1 {
  @IsUUID()
  valutazioneId: string;

  @IsString()
  strumento: string;

  @Intero({ min: 1 })
  versione: number;

  @Matches(ISO_DATE_PATTERN)
  data: string;

  @MappaInteri('Codice della voce → valore scelto')
  risposte: Record<string, number>;

  @Nullable()
  @IsObject()
  @Descrizione('Codice della voce → codici scelti, per le voci multiple')
  risposteMultiple: Record<string, string[]> | null;
}

@DescrizioneClasse('Un intervento del progetto in vigore con i dati SIUSS della prestazione')
export class InterventoPerSiussV1 {
  @IsUUID()
  id: string;

  @IsString()
  codicePrestazione: string;

  @IsString()
  denominazione: string;

  @Matches(ISO_DATE_PATTERN)
  dal: string;

  @Matches(ISO_DATE_PATTERN)
  al: string;

  @Centesimi()
  costoCentesimi: number;

  @Nullable()
  @IsIn(PRESENZE_PROVA_MEZZI)
  presenzaProvaMezzi: PresenzaProvaMezzi | null;

  @Nullable()
  @IsIn(CARATTERI_PRESTAZIONE)
  caratterePrestazione: CaratterePrestazione | null;

  @Nullable()
  @Centesimi()
  importoMensileCentesimi: number | null;

  @Nullable()
  @IsIn(AREE_UTENZA)
  areaUtenza: AreaUtenza | null;

  @Nullable()
  @IsString()
  protocolloDomanda: string | null;
}

@DescrizioneClasse('Il progetto approvato in vigore, con i suoi interventi')
export class ProgettoPerSiussV1 {
  @IsUUID()
  progettoId: string;

  @Intero({ min: 1 })
  versione: number;

  @Annidato(() => InterventoPerSiussV1, { lista: true })
  interventi: InterventoPerSiussV1[];
}

/**
 * The SIUSS feed's read of a cartella (integrazioni's identity only, purpose debito-informativo,
 * audited): whether the person is in carico, the SINA profile of the last SINA valutazione and the
 * interventi of the approved progetto in force. Empty when the person has no open cartella.
 */
@DescrizioneClasse('La presa in carico di una persona per il SIUSS: profilo SINA e interventi del progetto')
export class PresaInCaricoPerSiussV1 {
  @IsBoolean()
  @Descrizione('Una valutazione o un progetto approvato nell’episodio in corso')
  presoInCarico: boolean;

  @Nullable()
  @IsUUID()
  cartellaId: string | null;

  @Nullable()
  @Annidato(() => ValutazioneSinaPerSiussV1)
  valutazioneSina: ValutazioneSinaPerSiussV1 | null;

  @Nullable()
  @Annidato(() => ProgettoPerSiussV1)
  progetto: ProgettoPerSiussV1 | null;
}
