import type { Ruolo } from '@ambito/contracts';

/**
 * Coarse role gates of the gateway. Who sees which sub-ambito, comune or case is decided again by the
 * service that owns the data; here only roles that never use a resource are kept out.
 */

/** Front desk and équipe: register and handle persone and accessi. */
export const OPERATORI: Ruolo[] = ['operatore-accesso', 'assistente-sociale', 'coordinatore-sub-ambito'];

/** Operators plus the comune that keeps the decision (read only). */
export const LETTORI_DATI_PERSONALI: Ruolo[] = [...OPERATORI, 'responsabile-comune'];

/** Aggregated figures, no personal data. */
export const LETTORI_STATISTICHE: Ruolo[] = [
  'coordinatore-sub-ambito',
  'responsabile-comune',
  'ufficio-di-piano',
  'amministratore',
];

/** The audit log of accesses to personal data. */
export const REVISORI: Ruolo[] = ['amministratore'];

/** Programming and moving the ambito's money (funds, lines, dotazioni, impegni, liquidazioni). */
export const GESTORI_BUDGET: Ruolo[] = ['ufficio-di-piano', 'amministratore'];

/** The statement of the comuni's quotas: the gestori, and each comune for its own (checked by budget). */
export const LETTORI_QUOTE_COMUNI: Ruolo[] = [...GESTORI_BUDGET, 'responsabile-comune'];
/** The équipe of a sub-ambito: opens, assesses and proposes (case manager, coordinator). */
export const EQUIPE: Ruolo[] = ['assistente-sociale', 'coordinatore-sub-ambito'];

/** Who reads cartelle sociali (each one only its own cases, sub-ambito or comune). */
export const LETTORI_CARTELLE: Ruolo[] = [...EQUIPE, 'responsabile-comune'];

/** Assigns case managers and keeps the équipe. */
export const COORDINATORI: Ruolo[] = ['coordinatore-sub-ambito'];

/** The Comune of residence decides on the progetto personalizzato. */
export const DECISORI: Ruolo[] = ['responsabile-comune'];

/** Aggregated figures on cartelle (no personal data). */
export const LETTORI_STATISTICHE_CARTELLE: Ruolo[] = [
  'coordinatore-sub-ambito',
  'ufficio-di-piano',
  'amministratore',
];
