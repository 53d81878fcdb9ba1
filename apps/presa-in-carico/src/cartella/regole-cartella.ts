import { DomainError, type Actor } from '@ambito/contracts';
import { CodiceFiscale } from '@ambito/kernel';
import { assertEquipe, isCoordinatore, nonConsentito } from '../scope/visibilita';
import type { CartellaEntity } from './cartella.entity';

/** Rules on the state of a cartella shared by the features that change it. */

export function assertNonChiusa(cartella: CartellaEntity): void {
  if (cartella.stato === 'chiusa')
    throw new DomainError('CARTELLA_CHIUSA', 'La cartella è chiusa: riaprirla con una nuova proposta.');
}

export function assertInCarico(cartella: CartellaEntity): void {
  assertNonChiusa(cartella);
  if (cartella.stato !== 'in-carico')
    throw new DomainError(
      'TRANSIZIONE_NON_CONSENTITA',
      'La cartella è ancora in coda: il coordinatore deve prima assegnare un case manager.',
    );
}

/** A queued case is the coordinator's; once assigned, its équipe's (case manager and coordinator). */
export function assertLavora(actor: Actor, cartella: CartellaEntity, soloResponsabili = false): void {
  if (cartella.stato === 'in-attesa') {
    if (!isCoordinatore(actor, cartella)) throw nonConsentito();
  } else {
    assertEquipe(actor, cartella, soloResponsabili);
  }
}

/** Checksum, omocodia and encoded date: a direct opening must name the person without doubt. */
export function assertCodiceFiscale(value: string, campo: string): void {
  if (!CodiceFiscale.isValid(value))
    throw new DomainError('CODICE_FISCALE_NON_VALIDO', `Codice fiscale non valido: ${value}.`, [
      { campo, messaggi: ['formato, carattere di controllo o data non validi'] },
    ]);
}
