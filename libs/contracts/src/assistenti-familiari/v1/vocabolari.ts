/*
 * Vocabularies of the registro degli assistenti familiari (L.R. Lombardia 15/2015 art. 7). Wire values:
 * stored in the schema's CHECK constraints and sent on the bus; a new value is appended, never renamed.
 */

/** Titles that qualify for the iscrizione (regole-lombardia §4.2, "titoli ammessi, in alternativa"). */
export const TITOLI_ASSISTENTE = [
  // a) a title of study or care training of the EU/EEA/CH, with its sworn translation
  'titolo-ue-traduzione-asseverata',
  // b) a certificate of another Region of at least the configured hours (160)
  'attestato-160-ore',
  // c) ASA or OSS qualification
  'qualifica-asa-oss',
  // d) the regional attestato of "Assistente familiare" (art. 8)
  'attestato-regionale-assistente-familiare',
  // e) family care experience of at least the configured months with a regular contract (12)
  'esperienza-12-mesi',
] as const;
export type TitoloAssistente = (typeof TITOLI_ASSISTENTE)[number];

/** How the Italian language is proven: the ambito configures which it accepts (rule set). */
export const MODI_PROVA_LINGUA = [
  'diploma-secondaria-italia',
  'certificato-a2',
  'autodichiarazione',
] as const;
export type ModoProvaLingua = (typeof MODI_PROVA_LINGUA)[number];

/** Competences of a scheda (the matching of the sportello compares them with a family's needs). */
export const COMPETENZE_ASSISTENTE = [
  'igiene-personale',
  'mobilizzazione',
  'demenza',
  'alimentazione',
  'somministrazione-farmaci',
  'economia-domestica',
  'cucina',
  'compagnia',
  'disabilita',
  'assistenza-notturna',
  'primo-soccorso',
  'patente-guida',
] as const;
export type CompetenzaAssistente = (typeof COMPETENZE_ASSISTENTE)[number];

/** Days of the weekly availability grid, Monday first (slot = day index × 24 + hour). */
export const GIORNI_SETTIMANA = ['lun', 'mar', 'mer', 'gio', 'ven', 'sab', 'dom'] as const;
export type GiornoSettimana = (typeof GIORNI_SETTIMANA)[number];

export const STATI_CANDIDATURA = ['presentata', 'iscritta', 'respinta'] as const;
export type StatoCandidatura = (typeof STATI_CANDIDATURA)[number];

export const STATI_ISCRIZIONE = ['attiva', 'sospesa', 'cancellata'] as const;
export type StatoIscrizione = (typeof STATI_ISCRIZIONE)[number];

/** Why an iscrizione is suspended: an expired residence permit (automatic), or an operator's check. */
export const CAUSE_SOSPENSIONE_ISCRIZIONE = ['permesso-scaduto', 'verifica-requisiti'] as const;
export type CausaSospensioneIscrizione = (typeof CAUSE_SOSPENSIONE_ISCRIZIONE)[number];

/** Why an iscrizione is cancelled (issue 11: request, loss of a requirement, new conviction). */
export const CAUSE_CANCELLAZIONE = ['richiesta-interessato', 'perdita-requisito', 'nuova-condanna'] as const;
export type CausaCancellazione = (typeof CAUSE_CANCELLAZIONE)[number];

/**
 * The fields of a scheda an assistant may consent to publish in the public register. Address, codice
 * fiscale, phone and e-mail are not among them: the public list never carries them (contact goes
 * through the sportello).
 */
export const CAMPI_PUBBLICABILI = [
  'nome',
  'competenze',
  'formazione',
  'disponibilita',
  'lingue',
  'aree',
  'convivente',
  'esperienzaMesi',
] as const;
export type CampoPubblicabile = (typeof CAMPI_PUBBLICABILI)[number];

/** What happened to an iscrizione: its full history, one row per change. */
export const TIPI_STORIA_ISCRIZIONE = [
  'iscritta',
  'sospesa',
  'riattivata',
  'cancellata',
  'permesso-aggiornato',
  'scheda-aggiornata',
  'consenso-dato',
  'consenso-revocato',
] as const;
export type TipoStoriaIscrizione = (typeof TIPI_STORIA_ISCRIZIONE)[number];
