import { DomainError, OPERATORI, type Actor, type TerritorioV1 } from '@ambito/contracts';
import { sediDeiSubAmbiti, subAmbitoDellaSede } from './contesto';
import type { IstanzaRow, VisibilitaIstanze } from './istanze.sql';

/*
 * Who sees which istanze (the roles themselves are declared with the messages and checked by the
 * RpcServer): the Ufficio di Piano all of the ambito (it runs the istruttoria and the graduatorie);
 * front desk and équipe the istanze received at the sedi of their sub-ambiti; a Comune's responsabile
 * the outcomes of its residents (lists and istruttorie, not the declarations).
 */

export const nonConsentito = () =>
  new DomainError('OPERAZIONE_NON_CONSENTITA', 'Il proprio ruolo non consente questa operazione.');

export const istanzaNonTrovata = () => new DomainError('ISTANZA_NON_TROVATA', 'Istanza non trovata.');

// The SIUSS feed of integrazioni reads the istanze behind the benefici it reports, ambito-wide (its own
// identity, purpose debito-informativo): as the Ufficio di Piano does.
const isUfficioDiPiano = (actor: Actor) =>
  actor.ruoli.includes('ufficio-di-piano') || actor.ruoli.includes('servizio-integrazioni');
const isOperatore = (actor: Actor) => actor.ruoli.some((r) => OPERATORI.includes(r));

/** Null: the whole ambito. `esiti`: the responsabile-comune's residents count too (outcomes only). */
export function visibilitaIstanze(
  actor: Actor,
  territorio: TerritorioV1,
  opzioni: { esiti: boolean },
): VisibilitaIstanze | null {
  if (isUfficioDiPiano(actor)) return null;
  const visibilita: VisibilitaIstanze = {
    sedi: isOperatore(actor) ? sediDeiSubAmbiti(territorio, actor.subAmbiti) : [],
    comuni: opzioni.esiti && actor.ruoli.includes('responsabile-comune') ? actor.comuni : [],
  };
  if (visibilita.sedi.length === 0 && visibilita.comuni.length === 0) throw nonConsentito();
  return visibilita;
}

export function vede(
  visibilita: VisibilitaIstanze | null,
  istanza: Pick<IstanzaRow, 'sede' | 'comune_residenza'>,
) {
  return (
    visibilita === null ||
    (istanza.sede !== null && visibilita.sedi.includes(istanza.sede)) ||
    (istanza.comune_residenza !== null && visibilita.comuni.includes(istanza.comune_residenza))
  );
}

/**
 * Where an istanza is received: an operator at a sede of its own sub-ambiti (required); the Ufficio di
 * Piano at any sede of the ambito, or none (an istanza received by its own protocol).
 */
export function sedeDiPresentazione(
  actor: Actor,
  territorio: TerritorioV1,
  sede: string | undefined,
): string | null {
  if (sede === undefined) {
    if (isUfficioDiPiano(actor)) return null;
    throw new DomainError('VALIDAZIONE_FALLITA', 'Indicare la sede dove l’istanza è ricevuta.', [
      { campo: 'sede', messaggi: ['obbligatoria per gli operatori'] },
    ]);
  }
  const subAmbito = subAmbitoDellaSede(territorio, sede);
  if (!isUfficioDiPiano(actor) && !actor.subAmbiti.includes(subAmbito))
    throw new DomainError(
      'FUORI_AMBITO_TERRITORIALE',
      `Operazione non consentita: la sede ${sede} non è di un sub-ambito assegnato.`,
    );
  return sede;
}

/** The istruttoria: the Ufficio di Piano, and the équipe when the ambito lets it (ISTRUTTORIA_EQUIPE). */
export function assertIstruttore(actor: Actor, istruttoriaEquipe: boolean): void {
  if (isUfficioDiPiano(actor)) return;
  if (
    istruttoriaEquipe &&
    actor.ruoli.some((r) => r === 'assistente-sociale' || r === 'coordinatore-sub-ambito')
  )
    return;
  throw nonConsentito();
}
