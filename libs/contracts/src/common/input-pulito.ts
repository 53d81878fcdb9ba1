import type { FieldError } from './error-codes';

/*
 * Characters and keys no command may carry, checked once for every edge (validaContratto) before the
 * class validation. Why: a NUL makes PostgreSQL fail mid-request; bidirectional overrides and
 * zero-width characters let a name or a note read differently from what is stored (Trojan Source, a
 * codice fiscale that looks equal and is not); `__proto__`, `constructor` and `prototype` keys (JSON.parse
 * creates `__proto__` as an own key) reach Object.assign and class-transformer, which walk prototypes.
 */

/** Deeper than any contract (the deepest nests 4 levels): deeper input is refused before any recursion. */
export const PROFONDITA_MASSIMA = 16;

/** Keys that would reach an object's prototype when assigned. */
export const CHIAVI_VIETATE: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Refused in every text: C0 controls but tab, line feed and carriage return; DEL and the C1 controls;
 * bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069); zero-width space,
 * joiners, word joiner and BOM (U+200B–U+200D, U+2060, U+FEFF); unpaired UTF-16 surrogates (not text).
 */
const VIETATI_OVUNQUE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200D\u202A-\u202E\u2060\u2066-\u2069\uFEFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;

/** A single-line field (names, codes, addresses) refuses line breaks and tabs too. */
const A_CAPO = /[\t\n\r]/;

export const MESSAGGIO_CARATTERI =
  'contiene caratteri non ammessi (caratteri di controllo, di direzione del testo o di larghezza zero)';
export const MESSAGGIO_A_CAPO = 'deve stare su una riga: a capo e tabulazioni non sono ammessi';

/** The reason a text is refused, or undefined when it is clean. */
export function difettoDelTesto(testo: string, multiriga: boolean): string | undefined {
  if (VIETATI_OVUNQUE.test(testo)) return MESSAGGIO_CARATTERI;
  if (!multiriga && A_CAPO.test(testo)) return MESSAGGIO_A_CAPO;
  return undefined;
}

const MULTIRIGA = new WeakMap<object, Set<string>>();

/**
 * A free-text field (notes, requests, motivations: what a text area fills) that may hold line breaks
 * and tabs. Every other text field of a command is single-line.
 */
export const TestoMultiriga = (): PropertyDecorator => (target, key) => {
  const campi = MULTIRIGA.get(target) ?? new Set<string>();
  campi.add(String(key));
  MULTIRIGA.set(target, campi);
};

/** Whether `campo` of the instance's class (or of a class it extends) is a multi-line text. */
export function eMultiriga(istanza: object, campo: string): boolean {
  for (
    let p: object | null = Object.getPrototypeOf(istanza);
    p;
    p = Object.getPrototypeOf(p) as object | null
  ) {
    if (MULTIRIGA.get(p)?.has(campo)) return true;
  }
  return false;
}

/**
 * The raw value as it arrived (before any class-transformer or Object.assign touches it): forbidden
 * keys at any depth, input nested beyond PROFONDITA_MASSIMA, and, when `testo` is set, strings with the
 * characters refused everywhere. Field names are dot paths, as in the other validation errors.
 */
export function difettiDellInput(valore: unknown, opzioni: { testo: boolean }): FieldError[] {
  const difetti: FieldError[] = [];
  visita(valore, '', 0, opzioni.testo, difetti);
  return difetti;
}

function visita(valore: unknown, campo: string, profondita: number, testo: boolean, out: FieldError[]): void {
  if (out.length >= 20) return; // enough to correct; a hostile payload does not get to cost more
  if (typeof valore === 'string') {
    if (testo && VIETATI_OVUNQUE.test(valore)) out.push({ campo, messaggi: [MESSAGGIO_CARATTERI] });
    return;
  }
  if (valore === null || typeof valore !== 'object') return;
  if (profondita >= PROFONDITA_MASSIMA) {
    out.push({ campo, messaggi: [`annidamento oltre ${PROFONDITA_MASSIMA} livelli`] });
    return;
  }
  const chiavi = Array.isArray(valore) ? valore.keys() : Object.keys(valore);
  for (const chiave of chiavi) {
    const figlio = campo ? `${campo}.${chiave}` : String(chiave);
    if (typeof chiave === 'string' && CHIAVI_VIETATE.has(chiave)) {
      out.push({ campo: figlio, messaggi: ['nome di campo non ammesso'] });
      continue;
    }
    visita((valore as Record<string | number, unknown>)[chiave], figlio, profondita + 1, testo, out);
  }
}

/**
 * After the class validation, on the instance: strings of single-line fields (every field not marked
 * TestoMultiriga, and the values of maps and lists of plain text) refuse line breaks and tabs.
 */
export function righeInEccesso(istanza: object): FieldError[] {
  const difetti: FieldError[] = [];
  visitaIstanza(istanza, '', 0, false, difetti);
  return difetti;
}

function visitaIstanza(
  valore: unknown,
  campo: string,
  profondita: number,
  multiriga: boolean,
  out: FieldError[],
): void {
  if (typeof valore === 'string') {
    if (!multiriga && A_CAPO.test(valore)) out.push({ campo, messaggi: [MESSAGGIO_A_CAPO] });
    return;
  }
  if (valore === null || typeof valore !== 'object' || profondita >= PROFONDITA_MASSIMA) return;
  if (Array.isArray(valore)) {
    valore.forEach((v, i) => visitaIstanza(v, `${campo}.${i}`, profondita + 1, multiriga, out));
    return;
  }
  for (const chiave of Object.keys(valore)) {
    const figlio = campo ? `${campo}.${chiave}` : chiave;
    const v = (valore as Record<string, unknown>)[chiave];
    visitaIstanza(v, figlio, profondita + 1, eMultiriga(valore, chiave), out);
  }
}
