/*
 * The closed vocabularies of the misure service: wire values, never renamed once published (a new value
 * instead). What changes every year with a DGR (thresholds, amounts, strumenti, compatibilities) is not
 * here: it is data of the rule set (regole.dto.ts).
 */

/** The measures the ambito administers (regole-lombardia.md §1–§3). */
export const MISURE = ['b2', 'dopo-di-noi', 'pro-vi'] as const;
export type Misura = (typeof MISURE)[number];

/** The target areas: separate graduatorie and budgets per area (rule 11). */
export const AREE = ['anziani', 'disabili-adulti', 'minori'] as const;
export type Area = (typeof AREE)[number];

/** ISEE types (DPCM 159/2013 §9; INPS TipoIndicatore). */
export const TIPI_ISEE = ['ordinario', 'sociosanitario', 'minorenni', 'residenziale', 'corrente'] as const;
export type TipoIsee = (typeof TIPI_ISEE)[number];

/** Recognised disability conditions an istanza may hold, with dates (verbale). */
export const CONDIZIONI_DISABILITA = [
  'l104-art3-c3', // gravità, L. 104/1992 art. 3 c. 3
  'l104-art3-c1', // handicap non grave
  'indennita-accompagnamento', // L. 18/1980, L. 508/1988
  'indennita-frequenza', // minori, L. 289/1990
  'invalidita-civile', // with its percentage
] as const;
export type CondizioneDisabilita = (typeof CONDIZIONI_DISABILITA)[number];

/**
 * Other measures or settings a person may hold, checked against the compatibility table of the rule
 * set (§5): the code names the measure, never the rule.
 */
export const MISURE_DICHIARATE = [
  'b1',
  'b2',
  'rsa-aperta',
  'home-care-premium',
  'prestazione-universale',
  'residenzialita-definitiva',
  'pro-vi-assistente-personale',
  'sollievo-fsr', // ricovero di sollievo interamente a carico del FSR (incompatibile con la B2)
  'ricovero-sollievo', // ricovero di sollievo non a carico del FSR: compatibile entro i giorni della regola 7
  'dopo-di-noi-infrastrutturale',
  'dopo-di-noi-gestionale',
  'bonus-assistenti-familiari',
  'adi',
  'sad',
] as const;
export type MisuraDichiarata = (typeof MISURE_DICHIARATE)[number];

/** The caregiver familiare's tie to the person (L. 205/2017 art. 1 c. 255, rule 8). */
export const PARENTELE_CAREGIVER = [
  'coniuge',
  'unito-civilmente',
  'convivente-di-fatto',
  'parente-1-grado',
  'parente-2-grado',
  'affine-1-grado',
  'affine-2-grado',
  'parente-3-grado',
  'altro',
] as const;
export type ParentelaCaregiver = (typeof PARENTELE_CAREGIVER)[number];

/** Who presents the istanza. */
export const RICHIEDENTI = [
  'interessato',
  'familiare',
  'amministratore-di-sostegno',
  'tutore',
  'operatore',
] as const;
export type Richiedente = (typeof RICHIEDENTI)[number];

/** What a strumento requires beyond the measure's requirements. */
export const PRESUPPOSTI_STRUMENTO = [
  'nessuno',
  'caregiver-familiare',
  'contratto-assistente',
  'assistente-personale',
  'progetto-vita-indipendente',
] as const;
export type PresuppostoStrumento = (typeof PRESUPPOSTI_STRUMENTO)[number];

/** How a strumento's amount is given: monthly for the avviso's months, or a total (DdN, Pro.Vi.). */
export const MODALITA_IMPORTO = ['mensile', 'totale'] as const;
export type ModalitaImporto = (typeof MODALITA_IMPORTO)[number];

/** The six Pro.Vi. macroaree (§3): a project covers at least the rule set's minimum. */
export const MACROAREE_PRO_VI = [
  'assistente-personale',
  'abitare-in-autonomia',
  'inclusione-sociale',
  'trasporto',
  'domotica',
  'azioni-di-sistema',
] as const;
export type MacroareaProVi = (typeof MACROAREE_PRO_VI)[number];

/** Dopo di Noi guaranteed priorities (DM 23/11/2016 art. 4 c. 3, letters a–c). */
export const PRIORITA_DOPO_DI_NOI = [
  'a-senza-genitori-senza-risorse',
  'b-genitori-non-in-grado',
  'c-residenza-lontana-da-casa',
] as const;
export type PrioritaDopoDiNoi = (typeof PRIORITA_DOPO_DI_NOI)[number];

/** Ordering criteria of a graduatoria (rule 11; Dopo di Noi art. 4). */
export const CRITERI_ORDINAMENTO = ['priorita-garantita', 'urgenza', 'isee', 'eta', 'protocollo'] as const;
export type CriterioOrdinamento = (typeof CRITERI_ORDINAMENTO)[number];

/** The outcome of one rule, and of the istruttoria as a whole. */
export const ESITI_REGOLA = ['soddisfatta', 'non-soddisfatta', 'da-verificare'] as const;
export type EsitoRegola = (typeof ESITI_REGOLA)[number];
export const ESITI_ISTRUTTORIA = ['ammissibile', 'non-ammissibile', 'da-verificare'] as const;
export type EsitoIstruttoria = (typeof ESITI_ISTRUTTORIA)[number];

/** Confidence marks of regole-lombardia.md: verified, secondary source, best reconstruction, not found. */
export const AFFIDABILITA = ['V', 'S', 'B', 'NF'] as const;
export type Affidabilita = (typeof AFFIDABILITA)[number];

/** The acts a rule set is bound to. */
export const TIPI_ATTO_REGOLE = [
  'dgr',
  'decreto-regionale',
  'dm',
  'delibera-assemblea',
  'determina',
] as const;
export type TipoAttoRegole = (typeof TIPI_ATTO_REGOLE)[number];

/*
 * Accounting (issue 10, lane misure-conti): Pro.Vi. expense types, the period of a Dopo di Noi cap,
 * the measures that add up for the same assistant (rule 10).
 */

/** What a Pro.Vi. expense document pays for (payslip, invoice of hours, rent…). */
export const TIPI_SPESA_PRO_VI = [
  'retribuzione-assistente', // cedolino: wage and contributions of the personal assistant
  'ore-ente', // invoice of an ente or professional: hours × hourly cost
  'registrazione-contratto',
  'tenuta-paghe',
  'sad',
  'personale',
  'locazione',
  'utenze',
  'adeguamento-abitazione',
  'domotica',
  'trasporto',
  'attivita-inclusione',
  'altro',
] as const;
export type TipoSpesaProVi = (typeof TIPI_SPESA_PRO_VI)[number];

/** The document an expense rests on. */
export const DOCUMENTI_SPESA = ['cedolino', 'fattura', 'ricevuta'] as const;
export type DocumentoSpesa = (typeof DOCUMENTI_SPESA)[number];

/** The period a Dopo di Noi cap refers to. */
export const PERIODI_MASSIMALE = ['intervento', 'anno', 'mese'] as const;
export type PeriodoMassimale = (typeof PERIODI_MASSIMALE)[number];

/** Measures whose contributions for one assistant's contract add up (rule 10). */
export const MISURE_CUMULO = ['b1', 'b2', 'bonus-assistenti-familiari', 'dopo-di-noi', 'pro-vi'] as const;
export type MisuraCumulo = (typeof MISURE_CUMULO)[number];

/** Sources of a Dopo di Noi budget di progetto (rule 30 and §2.1: resources of several kinds). */
export const FONTI_BUDGET_PROGETTO = [
  'fondo-dopo-di-noi',
  'fna',
  'comune',
  'asst',
  'famiglia',
  'terzo-settore',
  'altro',
] as const;
export type FonteBudgetProgetto = (typeof FONTI_BUDGET_PROGETTO)[number];
