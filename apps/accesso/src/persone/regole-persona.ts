import { DomainError } from '@ambito/contracts';
import { CodiceFiscale, InvalidCodiceFiscaleError, isIsoDate } from '@ambito/kernel';

export function parseCodiceFiscale(value: string): CodiceFiscale {
  try {
    return CodiceFiscale.parse(value);
  } catch (error) {
    if (error instanceof InvalidCodiceFiscaleError)
      throw new DomainError('CODICE_FISCALE_NON_VALIDO', error.message, [
        { campo: 'codiceFiscale', messaggi: [error.message] },
      ]);
    throw error;
  }
}

export function assertDataNascita(value: string): void {
  if (!isIsoDate(value) || value > new Date().toISOString().slice(0, 10) || value < '1900-01-01')
    throw new DomainError('DATA_NON_VALIDA', 'Data di nascita impossibile.', [
      { campo: 'dataNascita', messaggi: ['data inesistente, futura o anteriore al 1900'] },
    ]);
}

/** Resident in Lombardy since: a real date, not in the future, not before birth. */
export function assertResidenzaLombardia(value: string, dataNascita: string): void {
  if (!isIsoDate(value) || value > new Date().toISOString().slice(0, 10) || value < dataNascita)
    throw new DomainError('DATA_NON_VALIDA', 'Data di residenza in Lombardia impossibile.', [
      { campo: 'residenteInLombardiaDal', messaggi: ['data inesistente, futura o anteriore alla nascita'] },
    ]);
}
