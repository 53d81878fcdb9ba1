import { DomainError, type Actor, type Ruolo } from '@ambito/contracts';

/** What a cartella must expose for the scope rules. */
export interface CartellaInAmbito {
  subAmbito: string;
  comuneResidenza: string;
  caseManagerId: string | null;
  /** User ids of the équipe members currently working the case besides its case manager. */
  membri?: string[];
}

/**
 * Which cartelle an actor may see: the coordinator the whole sub-ambito, the case manager only the
 * cases assigned to it (as in GePI), an équipe member the cases it works on, the responsabile-comune
 * the residents of its comune.
 * The Ufficio di Piano and the administrator see aggregated figures only.
 */
export interface VisibilitaCartelle {
  subAmbiti: string[];
  comuni: string[];
  caseManager: string | null;
}

const has = (actor: Actor, ruolo: Ruolo) => actor.ruoli.includes(ruolo);

export const nonConsentito = () =>
  new DomainError('OPERAZIONE_NON_CONSENTITA', 'Il proprio ruolo non consente questa operazione.');

export const cartellaNonTrovata = () => new DomainError('CARTELLA_NON_TROVATA', 'Cartella non trovata.');

export function visibilitaCartelle(actor: Actor): VisibilitaCartelle {
  const v: VisibilitaCartelle = {
    subAmbiti: has(actor, 'coordinatore-sub-ambito') ? actor.subAmbiti : [],
    comuni: has(actor, 'responsabile-comune') ? actor.comuni : [],
    caseManager: has(actor, 'assistente-sociale') ? actor.userId : null,
  };
  if (v.subAmbiti.length === 0 && v.comuni.length === 0 && v.caseManager === null) throw nonConsentito();
  return v;
}

export function visibile(c: CartellaInAmbito, v: VisibilitaCartelle): boolean {
  return (
    v.subAmbiti.includes(c.subAmbito) ||
    v.comuni.includes(c.comuneResidenza) ||
    (v.caseManager !== null &&
      (c.caseManagerId === v.caseManager || (c.membri ?? []).includes(v.caseManager)))
  );
}

/** The coordinator of the cartella's sub-ambito. */
export function isCoordinatore(actor: Actor, c: CartellaInAmbito): boolean {
  return has(actor, 'coordinatore-sub-ambito') && actor.subAmbiti.includes(c.subAmbito);
}

/**
 * The équipe working the case: its case manager, the coordinator of its sub-ambito and, unless only
 * who answers for the case may act (closure, transfer), the members working it.
 */
export function assertEquipe(actor: Actor, c: CartellaInAmbito, soloResponsabili = false): void {
  const operatore = has(actor, 'assistente-sociale');
  const caseManager = operatore && c.caseManagerId === actor.userId;
  const membro = !soloResponsabili && operatore && (c.membri ?? []).includes(actor.userId);
  if (!caseManager && !membro && !isCoordinatore(actor, c)) throw nonConsentito();
}

/** The Comune of residence keeps the decision. */
export function assertDecisore(actor: Actor, c: CartellaInAmbito): void {
  if (!has(actor, 'responsabile-comune') || !actor.comuni.includes(c.comuneResidenza)) throw nonConsentito();
}

/** Direct opening: the équipe of the sub-ambito of the comune of residence. */
export function assertApertura(actor: Actor, subAmbito: string): void {
  if (!has(actor, 'coordinatore-sub-ambito') && !has(actor, 'assistente-sociale')) throw nonConsentito();
  if (!actor.subAmbiti.includes(subAmbito))
    throw new DomainError(
      'FUORI_AMBITO_TERRITORIALE',
      `Operazione non consentita: il sub-ambito ${subAmbito} non è tra quelli assegnati.`,
    );
}

/** Aggregated counts: the whole ambito for the Ufficio di Piano, own sub-ambiti for a coordinator; null = all. */
export function visibilitaConteggi(actor: Actor): string[] | null {
  if (has(actor, 'ufficio-di-piano') || has(actor, 'amministratore')) return null;
  if (has(actor, 'coordinatore-sub-ambito') && actor.subAmbiti.length > 0) return actor.subAmbiti;
  throw nonConsentito();
}
