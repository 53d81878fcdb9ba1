/**
 * class-validator speaks English ("richiesta should not be empty"); operators read Italian. Our own
 * messages (the `message` option in the contracts) are kept; the library's defaults are translated by
 * constraint, reusing the numbers and values it puts in its message.
 */
const TRADUZIONI: Record<string, (inglese: string) => string> = {
  isDefined: () => 'obbligatorio',
  isNotEmpty: () => 'obbligatorio, non può essere vuoto',
  isString: () => 'deve essere un testo',
  isInt: () => 'deve essere un numero intero',
  isNumber: () => 'deve essere un numero',
  isBoolean: () => 'deve essere vero o falso',
  isUuid: () => 'deve essere un identificativo UUID',
  isIn: (m) => `valore non ammesso; ammessi: ${dopoDuePunti(m)}`,
  isEnum: (m) => `valore non ammesso; ammessi: ${dopoDuePunti(m)}`,
  min: (m) => `non può essere minore di ${numeri(m)[0]}`,
  max: (m) => `non può essere maggiore di ${numeri(m)[0]}`,
  minLength: (m) => `almeno ${numeri(m)[0]} caratteri`,
  maxLength: (m) => `al massimo ${numeri(m)[0]} caratteri`,
  isLength: (m) => `lunghezza tra ${numeri(m).join(' e ')} caratteri`,
  isIso8601: () => 'data e ora in formato ISO 8601, es. 2026-03-01T09:30:00+01:00',
  matches: () => 'formato non valido',
  isEmail: () => 'indirizzo email non valido',
  isObject: () => 'deve essere un oggetto',
  nestedValidation: () => 'deve essere un oggetto',
  whitelistValidation: () => 'campo non previsto',
  isArray: () => 'deve essere un elenco',
};

/** The library's default messages all say "should" or "must"; ours never do. */
const INGLESE = /\b(should|must)\b/;

export function messaggioItaliano(constraint: string, message: string): string {
  if (!INGLESE.test(message)) return message;
  return TRADUZIONI[constraint]?.(message) ?? 'valore non valido';
}

function dopoDuePunti(message: string): string {
  return message.slice(message.lastIndexOf(':') + 1).trim();
}

function numeri(message: string): string[] {
  return message.match(/-?\d+(\.\d+)?/g) ?? ['?'];
}
