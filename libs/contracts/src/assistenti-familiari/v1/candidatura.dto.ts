import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { GIORNO_ESISTENTE } from '../../common/giorno';
import { TestoMultiriga } from '../../common/input-pulito';
import { Annidato, Descrizione, Intero, Nullable } from '../../common/schema-decorators';
import { CODICE_FISCALE_PATTERN, ISTAT_PATTERN } from '../../accesso/v1/persona.dto';
import { VerificaRequisitiV1 } from './requisiti.dto';
import {
  COMPETENZE_ASSISTENTE,
  GIORNI_SETTIMANA,
  MODI_PROVA_LINGUA,
  STATI_CANDIDATURA,
  TITOLI_ASSISTENTE,
  type CompetenzaAssistente,
  type GiornoSettimana,
  type ModoProvaLingua,
  type StatoCandidatura,
  type TitoloAssistente,
} from './vocabolari';

const RIFERIMENTO = { message: 'documento: protocollo o riferimento del documento (1-100 caratteri)' };

/** Who applies: kept by this service only (an assistant is rarely a persona of accesso). */
export class DatiAssistenteV1 {
  @IsString()
  @Matches(CODICE_FISCALE_PATTERN, { message: 'codice fiscale: 16 caratteri alfanumerici o 11 cifre' })
  codiceFiscale: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  nome: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  cognome: string;

  @Matches(GIORNO_ESISTENTE, { message: 'dataNascita: data nel formato AAAA-MM-GG' })
  dataNascita: string;

  @Matches(/^[A-Z]{2}$/, {
    message: 'cittadinanza: codice ISO 3166 di due lettere maiuscole (es. IT, RO, UA)',
  })
  @Descrizione('Cittadinanza, codice ISO 3166 (IT, RO, UA, PE…)')
  cittadinanza: string;

  @Nullable()
  @Matches(/^\+?[0-9 ]{6,20}$/, { message: 'telefono: cifre, spazi e + iniziale (6-20)' })
  telefono: string | null;

  @Nullable()
  @IsEmail()
  @MaxLength(200)
  email: string | null;

  @Nullable()
  @IsString()
  @MaxLength(300)
  indirizzo: string | null;
}

/** The residence permit of a non-EU citizen (art. 7 c. 4; DGR 5648/2016). */
export class PermessoSoggiornoV1 {
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  @Descrizione('Tipo di titolo, es. lavoro subordinato, motivi familiari, soggiornante di lungo periodo')
  tipo: string;

  @IsBoolean()
  @Descrizione('Valido per lavoro subordinato')
  validoPerLavoro: boolean;

  @Nullable()
  @Matches(GIORNO_ESISTENTE, { message: 'scadenza: data nel formato AAAA-MM-GG' })
  @Descrizione('Scadenza (null: a tempo indeterminato, es. soggiornante di lungo periodo)')
  scadenza: string | null;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100, RIFERIMENTO)
  documento: string;
}

/** One title declared for the iscrizione, with its document. */
export class TitoloDichiaratoV1 {
  @IsIn(TITOLI_ASSISTENTE)
  tipo: TitoloAssistente;

  @Nullable()
  @Intero({ min: 1, max: 10000 })
  @Descrizione('Ore del corso (attestato di altre Regioni)')
  ore: number | null;

  @Nullable()
  @Intero({ min: 1, max: 600 })
  @Descrizione('Mesi di esperienza con regolare contratto')
  mesi: number | null;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @Descrizione('Titolo, ente o datore di lavoro, come sul documento')
  descrizione: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100, RIFERIMENTO)
  documento: string;
}

/** The proof of Italian given. */
export class ProvaLinguaV1 {
  @IsIn(MODI_PROVA_LINGUA)
  modo: ModoProvaLingua;

  @Nullable()
  @IsString()
  @MaxLength(120)
  @Descrizione('Ente certificatore (certificato A2) o scuola (diploma)')
  ente: string | null;

  @Nullable()
  @IsString()
  @MaxLength(100, RIFERIMENTO)
  documento: string | null;
}

/** Self-declarations and titles judged by the requirements (art. 7 c. 3-5). */
export class DichiarazioniCandidaturaV1 {
  @IsBoolean()
  @Descrizione('Autodichiarazione: nessuna condanna penale')
  assenzaCondanne: boolean;

  @IsBoolean()
  @Descrizione('Autodichiarazione: nessun procedimento penale pendente')
  assenzaProcedimentiPendenti: boolean;

  @Nullable()
  @Annidato(() => PermessoSoggiornoV1)
  permessoSoggiorno: PermessoSoggiornoV1 | null;

  @Annidato(() => TitoloDichiaratoV1, { lista: true })
  @ArrayMaxSize(20)
  titoli: TitoloDichiaratoV1[];

  @Nullable()
  @Annidato(() => ProvaLinguaV1)
  provaLingua: ProvaLinguaV1 | null;
}

/** A band of the weekly availability: `dalle` to `alle` (hours, 0-24) of a day. */
export class FasciaDisponibilitaV1 {
  @IsIn(GIORNI_SETTIMANA)
  giorno: GiornoSettimana;

  @Intero({ min: 0, max: 23 })
  dalle: number;

  @Intero({ min: 1, max: 24 })
  alle: number;
}

export class FormazioneV1 {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  titolo: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  ente: string;

  @Nullable()
  @Intero({ min: 1, max: 10000 })
  ore: number | null;

  @Intero({ min: 1950, max: 2100 })
  anno: number;
}

/** The scheda of the register (art. 7 c. 2): competences, training, hours, languages, areas. */
export class SchedaAssistenteV1 {
  @IsArray()
  @ArrayUnique()
  @IsIn(COMPETENZE_ASSISTENTE, { each: true })
  competenze: CompetenzaAssistente[];

  @Annidato(() => FormazioneV1, { lista: true })
  @ArrayMaxSize(30)
  formazione: FormazioneV1[];

  @Annidato(() => FasciaDisponibilitaV1, { lista: true })
  @ArrayMaxSize(50)
  @Descrizione('Disponibilità settimanale: fasce orarie per giorno')
  disponibilita: FasciaDisponibilitaV1[];

  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(20)
  @Matches(/^[a-z]{2}$/, {
    each: true,
    message: 'lingue: codici ISO 639-1 di due lettere minuscole (it, ro, uk…)',
  })
  @Descrizione('Lingue parlate, codici ISO 639-1')
  lingue: string[];

  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(200)
  @Matches(ISTAT_PATTERN, { each: true, message: 'aree: codici ISTAT dei comuni (6 cifre)' })
  @Descrizione('Comuni serviti (codici ISTAT)')
  aree: string[];

  @IsBoolean()
  @Descrizione('Disponibile alla convivenza')
  convivente: boolean;

  @Intero({ min: 0, max: 600 })
  @Descrizione('Mesi di esperienza come assistente familiare')
  esperienzaMesi: number;
}

export class DocumentoCandidaturaV1 {
  @Matches(/^[a-z0-9][a-z0-9-]{1,39}$/, {
    message: 'tipo: minuscole, cifre e trattini, es. documento-identita, permesso-soggiorno',
  })
  tipo: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  riferimento: string;

  @Matches(GIORNO_ESISTENTE, { message: 'data: data nel formato AAAA-MM-GG' })
  data: string;
}

/** Request of `assistenti-familiari.candidatura.presenta`. */
export class PresentaCandidaturaV1 {
  @IsString()
  @Matches(/^[A-Z0-9-]{2,40}$/, { message: 'sportello: codice della sede dello sportello' })
  @Descrizione('Sede dello sportello assistenti familiari che riceve la candidatura')
  sportello: string;

  @Annidato(() => DatiAssistenteV1)
  assistente: DatiAssistenteV1;

  @Annidato(() => DichiarazioniCandidaturaV1)
  dichiarazioni: DichiarazioniCandidaturaV1;

  @Annidato(() => SchedaAssistenteV1)
  scheda: SchedaAssistenteV1;

  @Annidato(() => DocumentoCandidaturaV1, { lista: true })
  @ArrayMaxSize(30)
  documenti: DocumentoCandidaturaV1[];
}

export const DECISIONI_CANDIDATURA = ['iscrivi', 'respingi'] as const;
export type DecisioneCandidatura = (typeof DECISIONI_CANDIDATURA)[number];

/** Request of `assistenti-familiari.candidatura.decidi`: the sportello registers or rejects. */
export class DecidiCandidaturaV1 {
  @IsUUID()
  id: string;

  @IsIn(DECISIONI_CANDIDATURA)
  decisione: DecisioneCandidatura;

  @IsBoolean()
  @Descrizione('Lo sportello ha verificato i documenti citati (richiesto per iscrivere)')
  documentiVerificati: boolean;

  @ValidateIf((o: DecidiCandidaturaV1) => o.decisione === 'respingi' || o.motivazione !== undefined)
  @IsString()
  @IsNotEmpty({ message: 'motivazione: obbligatoria per respingere' })
  @MaxLength(2000)
  @TestoMultiriga()
  motivazione?: string;
}

export class LeggiCandidaturaV1 {
  @IsUUID()
  id: string;
}

export class AssistenteV1 extends DatiAssistenteV1 {
  @IsUUID()
  id: string;
}

export class CandidaturaV1 {
  @IsUUID()
  id: string;

  @IsString()
  registro: string;

  @IsString()
  sportello: string;

  @IsIn(STATI_CANDIDATURA)
  stato: StatoCandidatura;

  @Annidato(() => AssistenteV1)
  assistente: AssistenteV1;

  @Annidato(() => DichiarazioniCandidaturaV1)
  dichiarazioni: DichiarazioniCandidaturaV1;

  @Annidato(() => SchedaAssistenteV1)
  scheda: SchedaAssistenteV1;

  @Annidato(() => DocumentoCandidaturaV1, { lista: true })
  documenti: DocumentoCandidaturaV1[];

  @Annidato(() => VerificaRequisitiV1)
  @Descrizione('La verifica dei requisiti (alla presentazione, o alla decisione se più recente)')
  verifica: VerificaRequisitiV1;

  @IsString()
  presentataDa: string;

  @IsISO8601()
  presentataIl: string;

  @Nullable()
  @IsString()
  decisaDa: string | null;

  @Nullable()
  @IsISO8601()
  decisaIl: string | null;

  @Nullable()
  @IsString()
  motivazione: string | null;

  @Nullable()
  @IsUUID()
  iscrizioneId: string | null;
}
