/**
 * Stable error codes of the platform, each with its kind. The gateway maps the kind to an HTTP status;
 * services answer NATS requests with `{ code, message, details }`. Wire values: do not change them.
 */
export const ERROR_KINDS = {
  VALIDAZIONE_FALLITA: 'invalid',
  NON_AUTENTICATO: 'unauthenticated',
  OPERAZIONE_NON_CONSENTITA: 'forbidden',
  FUORI_AMBITO_TERRITORIALE: 'forbidden',
  RISORSA_NON_TROVATA: 'not-found',
  PERSONA_NON_TROVATA: 'not-found',
  ACCESSO_NON_TROVATO: 'not-found',
  CARTELLA_NON_TROVATA: 'not-found',
  PROGETTO_NON_TROVATO: 'not-found',
  PERSONA_GIA_REGISTRATA: 'conflict',
  ACCESSO_GIA_CHIUSO: 'conflict',
  CARTELLA_CHIUSA: 'conflict',
  TRANSIZIONE_NON_CONSENTITA: 'conflict',
  APPROVAZIONE_DEL_PROPONENTE: 'forbidden',
  CASE_MANAGER_NON_VALIDO: 'unprocessable',
  STRUMENTO_SCONOSCIUTO: 'unprocessable',
  VALUTAZIONE_NON_VALIDA: 'unprocessable',
  EQUIPE_INCOMPLETA: 'unprocessable',
  CODICE_FISCALE_NON_VALIDO: 'unprocessable',
  SEDE_SCONOSCIUTA: 'unprocessable',
  COMUNE_SCONOSCIUTO: 'unprocessable',
  DATA_NON_VALIDA: 'unprocessable',
  SERVIZIO_NON_DISPONIBILE: 'unavailable',
  ERRORE_INTERNO: 'internal',
} as const;

export type ErrorCode = keyof typeof ERROR_KINDS;
export type ErrorKind = (typeof ERROR_KINDS)[ErrorCode];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_KINDS, value);
}

/** A field that failed validation. */
export interface FieldError {
  campo: string;
  messaggi: string[];
}

/** Error reply of a NATS request. */
export interface ErrorReply {
  code: ErrorCode;
  /** Italian, for the operator. */
  message: string;
  details?: FieldError[];
}
