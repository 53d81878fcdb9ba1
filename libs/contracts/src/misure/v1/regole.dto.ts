import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { GIORNO_ESISTENTE } from '../../common/giorno';
import { RegoleContiV1 } from './regole-conti.dto';
import { Annidato, Descrizione, Intero, Nullable } from '../../common/schema-decorators';
import {
  AFFIDABILITA,
  AREE,
  CONDIZIONI_DISABILITA,
  CRITERI_ORDINAMENTO,
  MACROAREE_PRO_VI,
  MISURE,
  MISURE_DICHIARATE,
  MODALITA_IMPORTO,
  PARENTELE_CAREGIVER,
  PRESUPPOSTI_STRUMENTO,
  PRIORITA_DOPO_DI_NOI,
  TIPI_ATTO_REGOLE,
  TIPI_ISEE,
  type Affidabilita,
  type Area,
  type CondizioneDisabilita,
  type CriterioOrdinamento,
  type MacroareaProVi,
  type Misura,
  type MisuraDichiarata,
  type ModalitaImporto,
  type ParentelaCaregiver,
  type PresuppostoStrumento,
  type PrioritaDopoDiNoi,
  type TipoAttoRegole,
  type TipoIsee,
} from './vocabolari';
import { MODALITA_MESE_PARZIALE, type ModalitaMeseParziale } from './benefici.vocabolari';

/*
 * A rule set ("regole") of one measure, annualità and ambito: every threshold, amount, window rule and
 * compatibility the istruttoria applies, as data bound to its acts (rule 1). The Ufficio di Piano makes
 * next year's by copying this document and changing parameters; the code only interprets it.
 */

/** Lower-case code of a strumento within its rule set, e.g. `buono-caregiver`, `ddn-c1`. */
export const CODICE_STRUMENTO = /^[a-z0-9][a-z0-9-]{0,39}$/;

/** The act the rule set applies: a DGR, a regional decree, a DM, the ambito's own delibera. */
export class AttoRegoleV1 {
  @IsIn(TIPI_ATTO_REGOLE)
  @Descrizione('Tipo di atto: dgr, decreto-regionale, dm, delibera-assemblea, determina')
  tipo: TipoAttoRegole;

  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  @Descrizione('Numero come scritto sull’atto, es. `XII/3719`')
  numero: string;

  @Matches(GIORNO_ESISTENTE, { message: 'data: data dell’atto nel formato AAAA-MM-GG' })
  @Descrizione('Data dell’atto (AAAA-MM-GG)')
  data: string;
}

/** Where a parameter comes from and how sure we are of it (the marks of regole-lombardia.md). */
export class FonteParametroV1 {
  @IsString()
  @Matches(/^[a-zA-Z0-9.[\]-]{1,120}$/, {
    message: 'parametro: percorso del parametro, es. requisiti.fasce[0].isee.sogliaCentesimi',
  })
  @Descrizione(
    'Percorso del parametro nel documento delle regole, es. `requisiti.fasce[0].isee.sogliaCentesimi`',
  )
  parametro: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  @Descrizione('Fonte: atto o documento da cui il valore è tratto')
  fonte: string;

  @IsIn(AFFIDABILITA)
  @Descrizione('V verificato sul testo, S fonte secondaria, B ricostruzione da verificare, NF non trovato')
  affidabilita: Affidabilita;
}

/**
 * The disability condition of an age band: every condition of `tutte` and, if `almenoUna` is not empty,
 * at least one of it; `invaliditaMinima` when an invalidità civile percentage counts.
 */
export class RequisitoDisabilitaV1 {
  @IsArray()
  @ArrayMaxSize(CONDIZIONI_DISABILITA.length)
  @ArrayUnique()
  @IsIn(CONDIZIONI_DISABILITA, { each: true })
  @Descrizione('Condizioni di cui basta una (vuoto: nessuna alternativa richiesta)')
  almenoUna: CondizioneDisabilita[];

  @IsArray()
  @ArrayMaxSize(CONDIZIONI_DISABILITA.length)
  @ArrayUnique()
  @IsIn(CONDIZIONI_DISABILITA, { each: true })
  @Descrizione('Condizioni tutte richieste')
  tutte: CondizioneDisabilita[];

  @Nullable()
  @Intero({ min: 1, max: 100 })
  @Descrizione('Percentuale minima di invalidità civile quando la condizione `invalidita-civile` è richiesta')
  invaliditaMinima: number | null;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CONDIZIONI_DISABILITA.length)
  @ArrayUnique()
  @IsIn(CONDIZIONI_DISABILITA, { each: true })
  @Descrizione(
    'Condizioni che da sole bastano in alternativa a `tutte` + `almenoUna` (es. variante di Cinisello: invalidità al 100 % e gravità, ovvero indennità di accompagnamento)',
  )
  oppure?: CondizioneDisabilita[];
}

/** A contribution reduced for an ISEE band (e.g. Pro.Vi.: −50 % between € 35.000 and € 40.000). */
export class RiduzioneIseeV1 {
  @Intero({ min: 0 })
  @Descrizione('ISEE oltre il quale si applica (centesimi, escluso)')
  oltreCentesimi: number;

  @Intero({ min: 1, max: 100 })
  @Descrizione('Percentuale dell’importo riconosciuta nella fascia')
  percentualeRiconosciuta: number;
}

/** The ISEE requirement of an age band (rule 4): accepted types and the threshold. */
export class SogliaIseeV1 {
  @IsArray()
  @ArrayMaxSize(TIPI_ISEE.length)
  @ArrayUnique()
  @IsIn(TIPI_ISEE, { each: true })
  @Descrizione('Tipi di ISEE ammessi, in ordine di preferenza (es. sociosanitario, poi corrente)')
  tipi: TipoIsee[];

  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  @Descrizione('Soglia massima dell’ISEE (centesimi, inclusa)')
  sogliaCentesimi: number;

  @Annidato(() => RiduzioneIseeV1, { lista: true })
  @ArrayMaxSize(5)
  @Descrizione('Riduzioni dell’importo per fascia di ISEE (entro la soglia)')
  riduzioni: RiduzioneIseeV1[];
}

/** An age band: its area, its disability condition and its ISEE (configurable per band, §1.2). */
export class FasciaV1 {
  @IsIn(AREE)
  area: Area;

  @Intero({ min: 0, max: 130 })
  @Descrizione('Età minima (anni compiuti alla data di presentazione, inclusa)')
  etaMinima: number;

  @Nullable()
  @Intero({ min: 0, max: 130 })
  @Descrizione('Età massima (inclusa); null: nessun limite')
  etaMassima: number | null;

  @Annidato(() => RequisitoDisabilitaV1)
  disabilita: RequisitoDisabilitaV1;

  @Annidato(() => SogliaIseeV1)
  isee: SogliaIseeV1;
}

/** The measure's requirements (rules 6, 13, 17): what each istanza must satisfy. */
export class RequisitiV1 {
  @IsBoolean()
  @Descrizione('Residenza in un comune dell’ambito')
  residenzaAmbito: boolean;

  @IsBoolean()
  @Descrizione('La persona vive al domicilio')
  domicilio: boolean;

  @IsBoolean()
  @Descrizione('Disabilità non determinata dal naturale invecchiamento (Dopo di Noi, Pro.Vi.)')
  disabilitaNonDaSenilita: boolean;

  @IsBoolean()
  @Descrizione('Valutazione multidimensionale completata nella cartella')
  valutazioneMultidimensionale: boolean;

  @IsBoolean()
  @Descrizione('Valutazione dell’équipe con componenti clinica e sociale (Dopo di Noi, Pro.Vi.)')
  valutazioneClinicaSociale: boolean;

  @IsBoolean()
  @Descrizione('Progetto personalizzato/individuale approvato')
  progettoApprovato: boolean;

  @IsBoolean()
  @Descrizione('Budget di progetto definito (Dopo di Noi)')
  budgetDiProgetto: boolean;

  @Annidato(() => FasciaV1, { lista: true })
  @ArrayMaxSize(10)
  @Descrizione('Fasce d’età, ciascuna con area, condizione di disabilità e ISEE')
  fasce: FasciaV1[];
}

/** Buono assistente familiare graded on the contract's weekly hours (§1.3). */
export class FasciaOreV1 {
  @Intero({ min: 0, max: 168 })
  @Descrizione('Ore settimanali di contratto minime della fascia')
  oreSettimanaliMinime: number;

  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  @Descrizione('Importo della fascia (centesimi)')
  importoCentesimi: number;
}

/** A strumento of the measure with its amount and caps (§1.3, §2.6–2.7, §3). */
export class StrumentoMisuraV1 {
  @Matches(CODICE_STRUMENTO, { message: 'codice: minuscole, cifre e trattini, es. buono-caregiver' })
  codice: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  descrizione: string;

  @IsArray()
  @ArrayMaxSize(AREE.length)
  @ArrayUnique()
  @IsIn(AREE, { each: true })
  @Descrizione('Aree per cui lo strumento è previsto')
  aree: Area[];

  @IsIn(PRESUPPOSTI_STRUMENTO)
  @Descrizione('Presupposto proprio dello strumento (caregiver familiare, contratto dell’assistente…)')
  presupposto: PresuppostoStrumento;

  @IsIn(MODALITA_IMPORTO)
  @Descrizione('`mensile` per i mesi dell’avviso, `totale` per il progetto')
  modalita: ModalitaImporto;

  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  @Descrizione('Importo mensile, o massimo del totale (centesimi)')
  importoCentesimi: number;

  @Annidato(() => FasciaOreV1, { lista: true })
  @ArrayMaxSize(10)
  @Descrizione('Importo graduato sulle ore di contratto (vuoto: importo unico)')
  fasceOre: FasciaOreV1[];

  @Nullable()
  @Intero({ min: 1, max: 100 })
  @Descrizione('Percentuale massima del costo dell’intervento coperta (es. 70 % per l’adeguamento)')
  percentualeCostoMassima: number | null;

  @Nullable()
  @Intero({ min: 1, max: 1000 })
  @Descrizione('Persone al massimo per unità (es. gruppo appartamento: 5)')
  personeMassime: number | null;
}

/** A measure the istanza's person may not hold together with this one (§1.4, §5). */
export class IncompatibilitaV1 {
  @IsIn(MISURE_DICHIARATE)
  misura: MisuraDichiarata;

  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  @Descrizione('Perché, con la fonte (es. «incompatibile con la B1, DGR 3719/2024»)')
  motivo: string;
}

/** Ricoveri di sollievo allowed without losing the measure (rule 7). */
export class SollievoV1 {
  @Intero({ min: 0, max: 366 })
  giorniMassimiAdulti: number;

  @Intero({ min: 0, max: 366 })
  giorniMassimiMinori: number;
}

/**
 * How the monthly run pays (rules 7 and 9, issue 10): a month partly suspended or partly outside the
 * beneficio is paid pro rata on its days or not at all; a person is a minor for the sollievo limit
 * below `etaMaggiore`. Optional: a rule set stored before issue 10 has none, and the run refuses it.
 */
export class RegoleErogazioneV1 {
  @IsIn(MODALITA_MESE_PARZIALE)
  @Descrizione(
    '`pro-rata-giorni`: importo mensile × giorni dovuti ÷ giorni del mese; `nessun-importo`: nulla per un mese non interamente dovuto',
  )
  meseParziale: ModalitaMeseParziale;

  @Intero({ min: 1, max: 30 })
  @Descrizione('Età dalla quale vale il limite di sollievo degli adulti')
  etaMaggiore: number;
}

/** ISEE lifecycle (rules 4–5). */
export class RegoleIseeV1 {
  @Intero({ min: 1, max: 24 })
  @Descrizione('Mesi di validità di un ISEE corrente dalla presentazione')
  correnteMesiValidita: number;

  @IsBoolean()
  @Descrizione('Un ISEE corrente valido sostituisce il tipo richiesto')
  correnteSostituisce: boolean;

  @IsBoolean()
  @Descrizione('Attestazioni con omissioni o difformità: da verificare da un operatore')
  difformitaDaVerificare: boolean;
}

/** One key of the graduatoria's order. */
export class OrdinamentoV1 {
  @IsIn(CRITERI_ORDINAMENTO)
  criterio: CriterioOrdinamento;

  @IsIn(['crescente', 'decrescente'])
  verso: 'crescente' | 'decrescente';
}

/** Dopo di Noi: guaranteed priorities and the urgency score's scale (DM 23/11/2016 art. 4). */
export class RegoleDopoDiNoiV1 {
  @IsArray()
  @ArrayMaxSize(PRIORITA_DOPO_DI_NOI.length)
  @ArrayUnique()
  @IsIn(PRIORITA_DOPO_DI_NOI, { each: true })
  prioritaGarantite: PrioritaDopoDiNoi[];

  @Intero({ min: 1, max: 100 })
  @Descrizione('Punteggio massimo di ciascuna delle quattro dimensioni dell’urgenza')
  punteggioMassimoDimensione: number;
}

/** Pro.Vi.: macroaree and their minimum per project (rule 18). */
export class RegoleProViV1 {
  @IsArray()
  @ArrayMaxSize(MACROAREE_PRO_VI.length)
  @ArrayUnique()
  @IsIn(MACROAREE_PRO_VI, { each: true })
  macroaree: MacroareaProVi[];

  @Intero({ min: 1, max: 6 })
  macroareeMinime: number;
}

/** The parameters of a rule set: the document the istruttoria interprets. */
export class ParametriRegoleV1 {
  @Annidato(() => RequisitiV1)
  requisiti: RequisitiV1;

  @Annidato(() => StrumentoMisuraV1, { lista: true })
  @ArrayMaxSize(30)
  strumenti: StrumentoMisuraV1[];

  @Annidato(() => IncompatibilitaV1, { lista: true })
  @ArrayMaxSize(MISURE_DICHIARATE.length)
  incompatibilita: IncompatibilitaV1[];

  @Annidato(() => SollievoV1)
  sollievo: SollievoV1;

  @Annidato(() => RegoleIseeV1)
  isee: RegoleIseeV1;

  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @Annidato(() => RegoleErogazioneV1)
  @Descrizione('Erogazione mensile: mese parziale, età per il limite di sollievo (issue 10)')
  erogazione?: RegoleErogazioneV1 | null;

  @IsArray()
  @ArrayMaxSize(PARENTELE_CAREGIVER.length)
  @ArrayUnique()
  @IsIn(PARENTELE_CAREGIVER, { each: true })
  @Descrizione('Legami ammessi per il caregiver familiare (L. 205/2017 art. 1 c. 255)')
  parenteleCaregiver: ParentelaCaregiver[];

  @Annidato(() => OrdinamentoV1, { lista: true })
  @ArrayMaxSize(CRITERI_ORDINAMENTO.length)
  @Descrizione('Ordine della graduatoria, chiave per chiave (l’ultima scioglie le parità)')
  ordinamento: OrdinamentoV1[];

  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @Annidato(() => RegoleDopoDiNoiV1)
  dopoDiNoi?: RegoleDopoDiNoiV1 | null;

  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @Annidato(() => RegoleProViV1)
  proVi?: RegoleProViV1 | null;

  // Accounting parameters (issue 10, lane misure-conti): Pro.Vi. a consuntivo, Dopo di Noi caps, cumulation.
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @Annidato(() => RegoleContiV1)
  conti?: RegoleContiV1 | null;

  @Annidato(() => FonteParametroV1, { lista: true })
  @ArrayMaxSize(300)
  @Descrizione('Fonte e affidabilità di ciascun parametro')
  fonti: FonteParametroV1[];
}

/** A rule set as stored: which measure, year and validity, its acts and parameters. */
export class RegoleMisuraV1 {
  @IsIn(MISURE)
  misura: Misura;

  @Intero({ min: 2000, max: 2100 })
  annualita: number;

  @Matches(GIORNO_ESISTENTE, { message: 'validoDal: data nel formato AAAA-MM-GG' })
  @Descrizione('Si applica alle istanze presentate da questo giorno')
  validoDal: string;

  @Nullable()
  @Matches(GIORNO_ESISTENTE, { message: 'validoAl: data nel formato AAAA-MM-GG' })
  @Descrizione('… fino a questo giorno (incluso); null: senza termine')
  validoAl: string | null;

  @Annidato(() => AttoRegoleV1, { lista: true })
  @ArrayMaxSize(10)
  atti: AttoRegoleV1[];

  @Annidato(() => ParametriRegoleV1)
  parametri: ParametriRegoleV1;
}
