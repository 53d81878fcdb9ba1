import fc from 'fast-check';
import { risolvi, type DocumentoOpenApi, type Schema } from './operazioni';
import { codiceFiscale, marcatore } from './sentinelle';

/*
 * Values for the fuzz: schema-guided ones (what a correct client would send, so the request gets past
 * validation and into the services and PostgreSQL) and hostile ones (wrong types, huge strings, control
 * characters, deep nesting, prototype keys, numbers beyond any column).
 */

/** Characters a text field must refuse (input-pulito.ts), and some it must keep. */
const CARATTERI_OSTILI = [
  '\u0000',
  '\u0001',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u009b',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u2060',
  '\ufeff',
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\ud800',
  '\udfff',
  '\n',
  '\r',
  '\t',
  "'",
  '"',
  '\\',
  '%00',
  '; DROP TABLE persona; --',
  '${7*7}',
  '{{7*7}}',
  '<script>',
  '’',
  'è',
  '王',
  '😀',
];

/**
 * Free text: a marker (so a leak is found in the logs) and what an operator types; `ostile` adds, one
 * time in four, any grapheme and a character the platform must refuse.
 */
export const testoLibero = (massimo = 60, ostile = false): fc.Arbitrary<string> => {
  const lunghezza = Math.max(0, Math.min(massimo, 60) - 12);
  const pulito = fc.string({ unit: LETTERA, maxLength: lunghezza });
  const testo = ostile
    ? fc.tuple(
        fc.oneof(
          { weight: 3, arbitrary: pulito },
          { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: lunghezza }) },
        ),
        fc.oneof(
          { weight: 3, arbitrary: fc.constant('') },
          { weight: 1, arbitrary: fc.constantFrom(...CARATTERI_OSTILI) },
        ),
      )
    : fc.tuple(pulito, fc.constant(''));
  return testo.map(([t, c]) => `${marcatore()} ${t}${c}`.slice(0, Math.max(massimo, 12)));
};

/** What an operator types: letters, accents, digits, spaces and punctuation. */
const LETTERA = fc.constantFrom(
  ...'abcdefghilmnopqrstuvzàèéìòù ABCDEFGHILMNOPQRSTUVZ0123456789.,;:’()-'.split(''),
);

/** A string of any kind: hostile characters, huge, empty, numeric-looking, a marker in most. */
export const stringaOstile: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: testoLibero(200, true) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }).map((s) => `${marcatore()}${s}`) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 1000, max: 300_000 }), fc.constantFrom('a', 'è', '\u0000', '😀'))
      .map(([n, c]) => marcatore() + c.repeat(n)),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      '99999999999999999999',
      '-1',
      '0',
      '1e400',
      'NaN',
      'Infinity',
      'null',
      'true',
      '[]',
      '{}',
      '__proto__',
      '../../etc/passwd',
      '%E2%80%AE',
    ),
  },
);

/** Numbers that no column holds, and the ones at the edges. */
export const numeroOstile: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    -1,
    1.5,
    2147483647,
    2147483648,
    -2147483649,
    Number.MAX_SAFE_INTEGER,
    Number.MAX_SAFE_INTEGER + 2,
    1e20,
    1e308,
    -1e308,
    Number.MIN_VALUE,
  ),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

/** Keys a payload must not carry, at any depth. */
const CHIAVI_OSTILI = ['__proto__', 'constructor', 'prototype', '', ' ', 'a'.repeat(300)];

/** Any JSON value, hostile (keys included); `profondita` bounds generation, not the nesting bombs below. */
export const valoreOstile: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    stringaOstile,
    numeroOstile,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('v'), { maxLength: 5 }),
    fc
      .array(fc.tuple(fc.oneof(fc.constantFrom(...CHIAVI_OSTILI), fc.string({ maxLength: 12 })), tie('v')), {
        maxLength: 5,
      })
      .map(oggettoConChiavi),
  ),
})).v;

/** An object from key/value pairs, `__proto__` as an own key (as JSON.parse would make it). */
export function oggettoConChiavi(coppie: Array<[string, unknown]>): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [k, v] of coppie)
    Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  return o;
}

/** A nesting bomb: arrays or objects deeper than any contract (the body limit permitting). */
export const annidamentoProfondo: fc.Arbitrary<unknown> = fc
  .tuple(fc.integer({ min: 20, max: 1000 }), fc.boolean())
  .map(([n, oggetti]) => {
    let v: unknown = marcatore();
    for (let i = 0; i < n; i++) v = oggetti ? { a: v } : [v];
    return v;
  });

export interface Contesto {
  doc: DocumentoOpenApi;
  /** Ids answered by earlier requests (created resources): path parameters reuse them. */
  idNoti: string[];
}

/** A value that satisfies the schema (most of the time: patterns, ranges and formats are honoured). */
export function valoreSecondoSchema(
  ctx: Contesto,
  schema: Schema,
  campo = '',
  profondita = 0,
): fc.Arbitrary<unknown> {
  const s = risolvi(ctx.doc, schema);
  const base = valoreDelTipo(ctx, s, campo, profondita);
  return s.nullable ? fc.option(base, { nil: null, freq: 6 }) : base;
}

function valoreDelTipo(ctx: Contesto, s: Schema, campo: string, profondita: number): fc.Arbitrary<unknown> {
  if (s.allOf?.length) return valoreSecondoSchema(ctx, s.allOf[0], campo, profondita);
  if (s.oneOf?.length || s.anyOf?.length) {
    const varianti = (s.oneOf ?? s.anyOf ?? []).map((v) => valoreSecondoSchema(ctx, v, campo, profondita));
    return fc.oneof(...varianti);
  }
  if (s.enum?.length) return fc.constantFrom(...s.enum);
  switch (s.type) {
    case 'integer':
      return fc.integer({
        min: s.minimum ?? -1000,
        max: Math.min(s.maximum ?? 100_000, Number.MAX_SAFE_INTEGER),
      });
    case 'number':
      // The contracts' integers (amounts in cents, years, counts) are documented as number int32/int64:
      // a double there is only ever a 400, and the payload would never reach the service.
      if (s.format === 'int32' || s.format === 'int64')
        return fc.integer({
          min: Math.max(s.minimum ?? -1000, Number.MIN_SAFE_INTEGER),
          max: Math.min(s.maximum ?? 100_000, Number.MAX_SAFE_INTEGER),
        });
      return fc.double({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e6, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'array': {
      if (profondita > 6) return fc.constant([]);
      const min = s.minItems ?? 0;
      return fc.array(valoreSecondoSchema(ctx, s.items ?? { type: 'string' }, campo, profondita + 1), {
        minLength: min,
        maxLength: Math.min(s.maxItems ?? 4, min + 3),
      });
    }
    case 'object':
    case undefined:
      if (s.properties) return oggettoSecondoSchema(ctx, s, profondita);
      if (s.type === 'object') {
        const valori =
          typeof s.additionalProperties === 'object'
            ? valoreSecondoSchema(ctx, s.additionalProperties, campo, profondita + 1)
            : fc.integer({ min: 0, max: 5 });
        return fc.dictionary(fc.stringMatching(/^[a-z][a-z-]{0,15}$/), valori, { maxKeys: 4 });
      }
      return fc.string({ maxLength: 10 });
    default:
      return stringaSecondoSchema(ctx, s, campo);
  }
}

function stringaSecondoSchema(ctx: Contesto, s: Schema, campo: string): fc.Arbitrary<string> {
  if (s.format === 'uuid') {
    // Half the time an id an earlier request created (read when generated: the list grows during the run).
    return fc
      .tuple(fc.uuid(), fc.nat(), fc.boolean())
      .map(([u, i, noto]) => (noto && ctx.idNoti.length > 0 ? ctx.idNoti[i % ctx.idNoti.length] : u));
  }
  if (s.format === 'date') return giorno;
  if (s.format === 'email') return fc.constant(null).map(() => `${marcatore()}@esempio.it`);
  if (s.format === 'date-time')
    return fc
      .date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString());
  if (s.pattern) {
    if (/^\^?\\d\{4\}-\\d\{2\}-\\d\{2\}\$?$/.test(s.pattern) || s.pattern.includes('02-29')) return giorno;
    try {
      return fc.stringMatching(new RegExp(s.pattern), { size: 'xsmall' });
    } catch {
      return fc.string({ maxLength: 20 });
    }
  }
  if (campo === 'codiceFiscale') return fc.constant('RSSMRA50A41D142Z'); // replaced by a consistent one
  const massimo = s.maxLength ?? 60;
  const minimo = s.minLength ?? 0;
  return testoLibero(massimo).filter((t) => t.length >= minimo);
}

/** A day, now and then one that does not exist (the pattern AAAA-MM-GG lets it through). */
const giorno: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 19,
    arbitrary: fc
      .date({ min: new Date('1920-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom('0000-00-00', '2024-02-30', '2023-02-29', '2024-13-01', '9999-99-99'),
  },
);

function oggettoSecondoSchema(
  ctx: Contesto,
  s: Schema,
  profondita: number,
): fc.Arbitrary<Record<string, unknown>> {
  const richiesti = new Set(s.required ?? []);
  const campi: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [nome, figlio] of Object.entries(s.properties ?? {})) {
    campi[nome] = valoreSecondoSchema(ctx, figlio, nome, profondita + 1);
  }
  return fc
    .record(campi, { requiredKeys: [...richiesti].filter((k) => k in campi) })
    .map((o) => coerente(o as Record<string, unknown>));
}

/** A persona's codice fiscale that matches its birth date and sex, so that registrations go through. */
function coerente(o: Record<string, unknown>): Record<string, unknown> {
  if (typeof o.codiceFiscale === 'string' && typeof o.dataNascita === 'string') {
    const sesso = o.sesso === 'M' ? 'M' : 'F';
    const lettere = marcatore()
      .replace(/[^A-Z]/g, '')
      .padEnd(6, 'X')
      .slice(-6);
    o.codiceFiscale = codiceFiscale(
      lettere,
      o.dataNascita,
      sesso,
      typeof o.luogoNascita === 'string' && /^[A-Z]\d{3}$/.test(o.luogoNascita) ? o.luogoNascita : 'D142',
    );
  }
  return o;
}

/** The value at a dot path replaced (a hostile value in an otherwise correct payload). */
export function sostituito(valore: unknown, percorso: string[], nuovo: unknown): unknown {
  if (percorso.length === 0) return nuovo;
  const [testa, ...resto] = percorso;
  if (Array.isArray(valore)) {
    const copia = [...valore];
    copia[Number(testa) || 0] = sostituito(copia[Number(testa) || 0], resto, nuovo);
    return copia;
  }
  const base = valore && typeof valore === 'object' ? (valore as Record<string, unknown>) : {};
  return oggettoConChiavi([
    ...Object.entries(base).filter(([k]) => k !== testa),
    [testa, sostituito(base[testa], resto, nuovo)],
  ]);
}

/** Every dot path of a value's leaves and objects, to choose where to put the hostile value. */
export function percorsi(valore: unknown, prefisso: string[] = [], out: string[][] = []): string[][] {
  if (valore && typeof valore === 'object') {
    for (const [k, v] of Object.entries(valore)) {
      out.push([...prefisso, k]);
      percorsi(v, [...prefisso, k], out);
    }
  }
  return out;
}
