import type { StatoPresaInCaricoV1 } from '@ambito/contracts';

/** What the istanza takes from accesso about the person (never typed twice). */
export interface PersonaPerMisure {
  personaId: string;
  dataNascita: string;
  /** ISTAT code of the comune of residence; null for a person resident abroad or unknown. */
  comuneResidenzaIstat: string | null;
  residenteNellAmbito: boolean;
  /** False while a definitive residential admission (ricovero) is open. */
  alDomicilio: boolean;
}

/**
 * The other services' data an istanza's istruttoria needs: the persona from accesso, the valutazione
 * and progetto from presa in carico. Implemented with the misure service's own identity (ServiceCaller).
 */
export interface FontiIstanza {
  /** Throws DomainError PERSONA_NON_TROVATA when accesso does not know the id. */
  persona(personaId: string): Promise<PersonaPerMisure>;
  /** All false when the person has no cartella. */
  presaInCarico(personaId: string): Promise<StatoPresaInCaricoV1>;
}
export const FONTI_ISTANZA = Symbol('FONTI_ISTANZA');

/**
 * Re-runs the istruttorie of a person's open istanze when evidence changes (ricovero, residence,
 * valutazione completed, progetto approved, ISEE renewed): implemented where istanze live.
 */
export interface RiesameIstruttorie {
  riesaminaPersona(personaId: string, causa: string): Promise<void>;
}
export const RIESAME_ISTRUTTORIE = Symbol('RIESAME_ISTRUTTORIE');
