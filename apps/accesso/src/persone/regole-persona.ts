import { CODICE_NAZIONE_ITALIA, DomainError } from '@ambito/contracts';
import { CodiceFiscale, InvalidCodiceFiscaleError, isIsoDate, giornoInItalia } from '@ambito/kernel';

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
  if (!isIsoDate(value) || value > giornoInItalia() || value < '1900-01-01')
    throw new DomainError('DATA_NON_VALIDA', 'Data di nascita impossibile.', [
      { campo: 'dataNascita', messaggi: ['data inesistente, futura o anteriore al 1900'] },
    ]);
}

/** Resident in Lombardy since: a real date, not in the future, not before birth. */
export function assertResidenzaLombardia(value: string, dataNascita: string): void {
  if (!isIsoDate(value) || value > giornoInItalia() || value < dataNascita)
    throw new DomainError('DATA_NON_VALIDA', 'Data di residenza in Lombardia impossibile.', [
      { campo: 'residenteInLombardiaDal', messaggi: ['data inesistente, futura o anteriore alla nascita'] },
    ]);
}

/** Residence is an Italian comune or a foreign state, one of the two; Italy is never a foreign state. */
export function assertUnaResidenza(comuneResidenza?: string | null, statoEstero?: string | null): void {
  if (comuneResidenza && statoEstero)
    throw new DomainError('VALIDAZIONE_FALLITA', 'Indicare il comune di residenza oppure lo stato estero.', [
      { campo: 'statoEsteroResidenza', messaggi: ['non insieme al comune di residenza'] },
    ]);
  if (statoEstero === CODICE_NAZIONE_ITALIA)
    throw new DomainError(
      'VALIDAZIONE_FALLITA',
      'Per chi risiede in Italia indicare il comune di residenza.',
      [{ campo: 'statoEsteroResidenza', messaggi: ['380 è l’Italia: indicare il comune'] }],
    );
}

/**
 * The comune of the Ambito a persona belongs to: its residence, or for a non-resident (an assistente
 * familiare working here, a person found in the territory) its domicile; null if neither is here.
 */
export function comuneNellAmbito(
  persona: { comuneResidenza: string | null; comuneDomicilio: string | null },
  nellAmbito: (istat: string) => boolean,
): string | null {
  if (persona.comuneResidenza && nellAmbito(persona.comuneResidenza)) return persona.comuneResidenza;
  if (persona.comuneDomicilio && nellAmbito(persona.comuneDomicilio)) return persona.comuneDomicilio;
  return null;
}

export const personaFuoriAmbito = () =>
  new DomainError(
    'PERSONA_FUORI_AMBITO',
    'La persona non risiede nell’Ambito: indicare il comune dell’Ambito in cui vive, lavora o è stata trovata (domicilio).',
    [
      {
        campo: 'comuneDomicilio',
        messaggi: ['obbligatorio, in un comune dell’Ambito, per chi non vi risiede'],
      },
    ],
  );
