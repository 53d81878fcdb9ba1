import { isIBAN } from 'class-validator';

/*
 * The IBAN of a payee: class-validator's isIBAN (validator.js) checks the country's length and format
 * and the ISO 13616 check digits (mod 97), the same check the contract applies to the request. It is
 * checked again when the elenco is produced: a stored value is never trusted blindly on its way to a
 * payment.
 */

/** As stored and printed: upper case, no spaces or hyphens (`IT60 x054…` → `IT60X054…`). */
export function normalizzaIban(iban: string): string {
  return iban.replace(/[\s-]+/g, '').toUpperCase();
}

export type ControlloIban = 'valido' | 'non-valido' | 'mancante';

export function controllaIban(iban: string | null): ControlloIban {
  if (iban === null || iban === '') return 'mancante';
  return isIBAN(iban) ? 'valido' : 'non-valido';
}
