import { RUOLI, type Ruolo } from './ruolo';

/*
 * Who may send which message, by group. Declared once, next to the messages: the gateway refuses other
 * roles before the bus, and each service checks the same list again. Territorial scope (sub-ambito,
 * comune, assigned cases) is a further check of the owning service.
 */

/** Every user of the ambito (the territorio is not personal data). */
export const TUTTI: readonly Ruolo[] = RUOLI;

/** Front desk and équipe: register and handle persone and accessi. */
export const OPERATORI: readonly Ruolo[] = [
  'operatore-accesso',
  'assistente-sociale',
  'coordinatore-sub-ambito',
];

/** Operators plus the comune that keeps the decision (read only). */
export const LETTORI_DATI_PERSONALI: readonly Ruolo[] = [...OPERATORI, 'responsabile-comune'];

/** Aggregated figures, no personal data. */
export const LETTORI_STATISTICHE: readonly Ruolo[] = [
  'coordinatore-sub-ambito',
  'responsabile-comune',
  'ufficio-di-piano',
  'amministratore',
];

/**
 * Ambito-wide roles that see aggregated figures only (never personal data): the whole ambito's counters,
 * under the confidentiality rule of the statistics (no cell of fewer than `SOGLIA_PERSONE_STATISTICHE`
 * persons, no daily series per comune; see docs/architecture.md).
 */
export const LETTORI_AMBITO: readonly Ruolo[] = ['ufficio-di-piano', 'amministratore'];

/**
 * Fewest distinct persons behind a cell of aggregated figures shown to LETTORI_AMBITO; services may be
 * configured stricter (`STATISTICHE_SOGLIA_PERSONE`), never looser.
 */
export const SOGLIA_PERSONE_STATISTICHE = 5;

/** The audit log of accesses to personal data. */
export const REVISORI: readonly Ruolo[] = ['amministratore'];

/** Programming and moving the ambito's money (funds, lines, dotazioni, impegni, liquidazioni). */
export const GESTORI_BUDGET: readonly Ruolo[] = ['ufficio-di-piano', 'amministratore'];

/** The statement of the comuni's quotas: the gestori, and each comune for its own (checked by budget). */
export const LETTORI_QUOTE_COMUNI: readonly Ruolo[] = [...GESTORI_BUDGET, 'responsabile-comune'];

/** The équipe of a sub-ambito: opens, assesses and proposes (case manager, coordinator). */
export const EQUIPE: readonly Ruolo[] = ['assistente-sociale', 'coordinatore-sub-ambito'];

/** Who reads cartelle sociali (each one only its own cases, sub-ambito or comune). */
export const LETTORI_CARTELLE: readonly Ruolo[] = [...EQUIPE, 'responsabile-comune'];

/** Assigns case managers and keeps the équipe. */
export const COORDINATORI: readonly Ruolo[] = ['coordinatore-sub-ambito'];

/** The Comune of residence decides on the progetto personalizzato. */
export const DECISORI: readonly Ruolo[] = ['responsabile-comune'];

/** Aggregated figures on cartelle (no personal data). */
export const LETTORI_STATISTICHE_CARTELLE: readonly Ruolo[] = [
  'coordinatore-sub-ambito',
  'ufficio-di-piano',
  'amministratore',
];

/** Misure: who registers istanze at a sede on the person's behalf (front desk and équipe). */
export const SPORTELLI_MISURE: readonly Ruolo[] = [...OPERATORI, 'ufficio-di-piano'];

/** Misure: the istruttoria of istanze (re-runs, decisions on what is to be verified): the Ufficio di Piano's staff or the équipe. */
export const ISTRUTTORI_MISURE: readonly Ruolo[] = ['ufficio-di-piano', ...EQUIPE];

/**
 * Assistenti familiari: who works at the sportelli of the registro (L.R. 15/2015 art. 6-7). No role of
 * its own: the front desk and the équipe of the sub-ambiti hosting a sportello (the service checks that
 * the sportello is in their sub-ambiti) and the Ufficio di Piano, which keeps the ambito's registro.
 */
export const SPORTELLI_ASSISTENTI_FAMILIARI: readonly Ruolo[] = [...OPERATORI, 'ufficio-di-piano'];

/** Assistenti familiari: the requirements of the registro and its re-verification. */
export const GESTORI_REGISTRO_ASSISTENTI: readonly Ruolo[] = ['ufficio-di-piano', 'amministratore'];

/** Misure: who reads istanze and their outcomes (each within its sedi, its comune's residents, or all for the Ufficio di Piano). */
export const LETTORI_ISTANZE: readonly Ruolo[] = [...OPERATORI, 'responsabile-comune', 'ufficio-di-piano'];
