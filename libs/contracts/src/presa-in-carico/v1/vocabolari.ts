/** Controlled vocabularies of the cartella sociale. Wire values: do not change them. */

/** How a case reaches the équipe: from the segretariato sociale or opened directly. */
export const ORIGINI_PROPOSTA = [
  'accesso',
  'segnalazione-servizio-specialistico',
  'mandato-autorita-giudiziaria',
  'dimissione-protetta',
  // An ADI household imported from GePI (integrazioni): it arrives through presa-in-carico.adi.registra-nuclei.
  'adi-gepi',
] as const;
export type OrigineProposta = (typeof ORIGINI_PROPOSTA)[number];

/** Origins an operator may use to open a case directly (the accesso one arrives as an event). */
export const ORIGINI_APERTURA_DIRETTA = ORIGINI_PROPOSTA.filter(
  (o): o is Exclude<OrigineProposta, 'accesso' | 'adi-gepi'> => o !== 'accesso' && o !== 'adi-gepi',
);

/** `in-attesa`: in the sub-ambito queue, no case manager yet. */
export const STATI_CARTELLA = ['in-attesa', 'in-carico', 'chiusa'] as const;
export type StatoCartella = (typeof STATI_CARTELLA)[number];

export const STATI_PROPOSTA = ['in-attesa', 'accolta'] as const;
export type StatoProposta = (typeof STATI_PROPOSTA)[number];

export const MOTIVI_CHIUSURA = [
  'obiettivi-raggiunti',
  'trasferimento',
  'decesso',
  'rinuncia',
  'passaggio-altro-servizio',
] as const;
export type MotivoChiusura = (typeof MOTIVI_CHIUSURA)[number];

/** `superato`: an approved version replaced by a later approved revision (kept, never deleted). */
export const STATI_PROGETTO = ['proposto', 'approvato', 'respinto', 'superato'] as const;
export type StatoProgetto = (typeof STATI_PROGETTO)[number];

export const FONTI_FINANZIAMENTO = [
  'fondo-nazionale-politiche-sociali',
  'fondo-non-autosufficienza',
  'fondo-poverta',
  'fondo-dopo-di-noi',
  'fondo-sociale-regionale',
  'bilancio-comunale',
  'compartecipazione-utente',
  'famiglia',
  'comunita',
  'altro',
] as const;
export type FonteFinanziamento = (typeof FONTI_FINANZIAMENTO)[number];

/**
 * Sources that are money of the Ambito's budget: an intervento they fund names the budget's fund, line
 * and annualità (`imputazione`), so that the misure service commits against that line, not a label.
 */
export const FONTI_DEL_BUDGET = [
  'fondo-nazionale-politiche-sociali',
  'fondo-non-autosufficienza',
  'fondo-poverta',
  'fondo-dopo-di-noi',
  'fondo-sociale-regionale',
] as const satisfies readonly FonteFinanziamento[];

/** Sources outside the budget of the Ambito: they never name a line of it. */
export const FONTI_FUORI_BUDGET = [
  'compartecipazione-utente',
  'famiglia',
  'comunita',
] as const satisfies readonly FonteFinanziamento[];

/**
 * The resources of the budget di progetto that are not money (L. 328/2000 art. 14, L.R. 25/2022):
 * professionals' time, people who help (family, volunteers, caregiver) and the relations around the person
 * (neighbourhood, associations, parish, school).
 */
export const TIPI_RISORSA = ['professionale', 'umana', 'relazionale'] as const;
export type TipoRisorsa = (typeof TIPI_RISORSA)[number];

export const UNITA_INTENSITA = [
  'ore-settimana',
  'ore-mese',
  'accessi-settimana',
  'accessi-mese',
  'una-tantum',
] as const;
export type UnitaIntensita = (typeof UNITA_INTENSITA)[number];

/** Entries an operator writes in the diario; the others are written by the service itself. */
export const TIPI_VOCE_DIARIO_MANUALE = [
  'colloquio',
  'visita-domiciliare',
  'contatto',
  'documento',
  'nota',
] as const;
export type TipoVoceDiarioManuale = (typeof TIPI_VOCE_DIARIO_MANUALE)[number];

export const TIPI_VOCE_DIARIO = [
  ...TIPI_VOCE_DIARIO_MANUALE,
  'proposta',
  'assegnazione',
  'valutazione',
  'progetto-proposto',
  'progetto-approvato',
  'progetto-respinto',
  'verifica',
  'trasferimento',
  'nucleo',
  'chiusura',
  'riapertura',
] as const;
export type TipoVoceDiario = (typeof TIPI_VOCE_DIARIO)[number];

/** SIUSS `CodicePrestazione` (national nomenclature), e.g. A2.07 assistenza domiciliare. */
export const CODICE_PRESTAZIONE_PATTERN = /^[A-Z]\d\.\d{2}$/;

/**
 * The kind of project: progetto individuale (L. 328/2000 art. 14), Patto per l'inclusione sociale
 * (PaIS, ADI), Progetto di Vita (L.R. Lombardia 25/2022, D.Lgs. 62/2024).
 */
export const TIPI_PROGETTO = ['progetto-individuale-art14', 'pais', 'progetto-di-vita'] as const;
export type TipoProgetto = (typeof TIPI_PROGETTO)[number];

/**
 * SIUSS `PresenzaProvaMezzi` (PS_PSA_SINA201812.xsd): 1 soggetta a ISEE; 2 prova dei mezzi non ISEE;
 * 3 soggetta a ISEE ma sottratta per lo specifico beneficiario; 4 non soggetta a prova dei mezzi.
 */
export const PRESENZE_PROVA_MEZZI = [1, 2, 3, 4] as const;
export type PresenzaProvaMezzi = (typeof PRESENZE_PROVA_MEZZI)[number];

/** SIUSS `CaratterePrestazione`: 1 periodico, 2 occasionale (unica soluzione). */
export const CARATTERI_PRESTAZIONE = [1, 2] as const;
export type CaratterePrestazione = (typeof CARATTERI_PRESTAZIONE)[number];

/** SIUSS `AreaUtenza`: 1 famiglia e minori, 2 disabilità e non autosufficienza, 3 povertà ed esclusione sociale. */
export const AREE_UTENZA = [1, 2, 3] as const;
export type AreaUtenza = (typeof AREE_UTENZA)[number];
