/**
 * The `Idempotency-Key` of a state-changing request (IETF HTTPAPI draft "The Idempotency-Key HTTP
 * Header Field": a Structured Field String, e.g. a UUID). The platform admits 8–128 characters of a
 * conservative set (UUID, ULID, base64url, dotted or colon-separated ids); the quotes of the sf-string
 * form are optional.
 */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9._:~+/=-]{8,128}$/;

export const IDEMPOTENCY_KEY_HTTP_HEADER = 'Idempotency-Key';

/** The key as sent (`"…"` or bare) → the key, or `null` when it is malformed. */
export function leggiIdempotencyKey(raw: string): string | null {
  const value = raw.trim();
  const unquoted =
    value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
  return IDEMPOTENCY_KEY_PATTERN.test(unquoted) ? unquoted : null;
}

export const MESSAGGIO_IDEMPOTENCY_KEY_NON_VALIDA =
  'Idempotency-Key non valida: da 8 a 128 caratteri fra lettere, cifre e . _ : ~ + / = - (es. un UUID).';
