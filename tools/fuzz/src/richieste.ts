import fc from 'fast-check';
import {
  annidamentoProfondo,
  percorsi,
  sostituito,
  stringaOstile,
  testoLibero,
  valoreOstile,
  valoreSecondoSchema,
  type Contesto,
} from './arbitrari';
import type { Operazione, Parametro } from './operazioni';
import { marcatore } from './sentinelle';

/** Percent-encoded; an unpaired surrogate (which encodeURIComponent refuses) as the bytes of one. */
function codificato(testo: string): string {
  return testo
    .split(/([\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff])/)
    .map((parte) => {
      try {
        return encodeURIComponent(parte);
      } catch {
        return '%ED%A0%80';
      }
    })
    .join('');
}

/** One HTTP request of the fuzz, as sent (the body as raw text: it may not even be JSON). */
export interface RichiestaFuzz {
  tipo: 'schema' | 'esempio-alterato' | 'ostile' | 'testo-grezzo';
  metodo: string;
  /** Path and query below the API prefix. */
  url: string;
  intestazioni: Record<string, string>;
  corpo?: string;
}

/** Raw bodies JSON.stringify cannot make: numbers beyond double, broken JSON, nesting bombs as text. */
const CORPI_GREZZI = fc.oneof(
  fc.constantFrom(
    '{"pagina":99999999999999999999}',
    '{"importoCentesimi":1e400}',
    '{"a":-0}',
    '{',
    '',
    'null',
    '[]',
    '"x"',
    '{"__proto__":{"isAdmin":true}}',
    '{"constructor":{"prototype":{"isAdmin":true}}}',
    '{"a":"\\u0000"}',
    '{"a":"\\ud800"}',
    '\ufeff{}',
  ),
  fc.integer({ min: 1000, max: 200_000 }).map((n) => '['.repeat(n) + ']'.repeat(n)),
  fc.integer({ min: 1000, max: 60_000 }).map((n) => '{"a":'.repeat(n) + '1' + '}'.repeat(n)),
);

/** A value for a path parameter: a plausible one, a known id, or a hostile string (percent-encoded). */
function valorePercorso(ctx: Contesto, p: Parametro): fc.Arbitrary<string> {
  // No marker: the path (never a personal field) is logged with each request.
  return fc
    .oneof(
      { weight: 3, arbitrary: valoreSecondoSchema(ctx, p.schema, p.nome).map((v) => String(v)) },
      { weight: 1, arbitrary: stringaOstile.map((s) => s.slice(0, 2000)) },
    )
    .map((s) => s.replace(/FZQK[0-9A-Z]*/g, 'x'));
}

function valoreQuery(ctx: Contesto, p: Parametro): fc.Arbitrary<string | undefined> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant(undefined) },
    {
      weight: 3,
      arbitrary: valoreSecondoSchema(ctx, p.schema, p.nome).map((v) => (v === null ? '' : String(v))),
    },
    { weight: 2, arbitrary: stringaOstile.map((s) => s.slice(0, 3000)) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('99999999999999999999', '-1', '0', '1e400', '1.5', '0x10', ' 1', '', 'NaN'),
    },
  );
}

/** Headers the gateway reads: mostly absent or clean, sometimes hostile (percent-encoded or raw Latin-1). */
const intestazioni: fc.Arbitrary<Record<string, string>> = fc
  .record(
    {
      'X-Motivo': fc.oneof(
        { weight: 4, arbitrary: testoLibero(80).map(codificato) },
        {
          weight: 1,
          arbitrary: fc.constantFrom('%00', '%E2%80%AE', '%E2%80%8B', '%0A', '%', '%ZZ', 'motivo%C2%85'),
        },
      ),
      'X-Correlation-Id': fc.oneof(
        { weight: 4, arbitrary: fc.uuid() },
        { weight: 1, arbitrary: fc.constantFrom('%00', 'a'.repeat(500), 'corr%E2%80%AE') },
      ),
      'Idempotency-Key': fc.oneof(
        { weight: 4, arbitrary: fc.uuid() },
        { weight: 1, arbitrary: fc.constantFrom('%00', 'k'.repeat(500), '') },
      ),
    },
    { requiredKeys: [] },
  )
  .map(
    (h) => Object.fromEntries(Object.entries(h).filter(([, v]) => v !== undefined)) as Record<string, string>,
  );

/**
 * An operation reading personal data asks for a purpose: mostly a declared one with a motivo, so the
 * payload reaches the service; sometimes none or a hostile one, refused by the gateway.
 */
function intestazioniDi(op: Operazione): fc.Arbitrary<Record<string, string>> {
  const finalita = op.finalita;
  if (!finalita) return intestazioni;
  const scopo = fc.record({
    'X-Finalita': fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...finalita) },
      { weight: 1, arbitrary: fc.constantFrom('', 'marketing', '%00', '%E2%80%AE') },
    ),
    'X-Motivo': fc.oneof(
      { weight: 6, arbitrary: testoLibero(80).map((t) => codificato(`motivo ${t}`)) },
      { weight: 1, arbitrary: fc.constantFrom('%00', '%E2%80%AE', '%0A', '%ZZ', 'x') },
    ),
  });
  return fc.tuple(intestazioni, scopo, fc.nat(9)).map(([h, s, n]) => (n === 0 ? h : { ...h, ...s }));
}

function url(
  op: Operazione,
  prefisso: string,
  params: Record<string, string>,
  query: Record<string, string | undefined>,
): string {
  const percorso = op.percorso.replace(/\{([A-Za-z0-9_]+)\}/g, (_m, nome: string) =>
    codificato(params[nome] ?? ''),
  );
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) q.append(k, v);
  const s = q.toString();
  return `${prefisso}${percorso}${s ? `?${s}` : ''}`;
}

/**
 * The requests of one operation: schema-guided (valid most of the time), its documented example with
 * one field made hostile, hostile JSON of any shape, and raw bodies that are not JSON at all.
 */
export function richiesteDi(ctx: Contesto, op: Operazione, prefisso: string): fc.Arbitrary<RichiestaFuzz> {
  const params = fc.record(
    Object.fromEntries(op.parametriPercorso.map((p) => [p.nome, valorePercorso(ctx, p)])) as Record<
      string,
      fc.Arbitrary<string>
    >,
  );
  const query = fc.record(
    Object.fromEntries(op.query.map((p) => [p.nome, valoreQuery(ctx, p)])) as Record<
      string,
      fc.Arbitrary<string | undefined>
    >,
  );
  const metodo = op.metodo.toUpperCase();
  const conCorpo = (tipo: RichiestaFuzz['tipo'], corpo: fc.Arbitrary<string | undefined>) =>
    fc.tuple(params, query, intestazioniDi(op), corpo).map(([p, q, h, c]): RichiestaFuzz => ({
      tipo,
      metodo,
      url: url(op, prefisso, p, q),
      intestazioni: h,
      corpo: c,
    }));

  if (!op.corpo) {
    return fc.oneof(
      { weight: 3, arbitrary: conCorpo('schema', fc.constant(undefined)) },
      {
        weight: 1,
        arbitrary: conCorpo('ostile', fc.constant(undefined)).chain((r) =>
          fc
            .dictionary(
              fc.oneof(
                fc.constantFrom('__proto__', 'constructor', 'pagina', 'perPagina'),
                fc.string({ maxLength: 10 }),
              ),
              stringaOstile.map((s) => s.slice(0, 500)),
              { maxKeys: 3 },
            )
            .map((extra) => ({
              ...r,
              url: r.url + (r.url.includes('?') ? '&' : '?') + new URLSearchParams(extra).toString(),
            })),
        ),
      },
    );
  }
  const schema = op.corpo.schema;
  const esempio = op.corpo.esempio ?? {};
  const secondoSchema = valoreSecondoSchema(ctx, schema).map((v) => JSON.stringify(v));
  const posti = percorsi(esempio);
  const alterato =
    posti.length > 0
      ? fc
          .tuple(fc.constantFrom(...posti), fc.oneof(valoreOstile, annidamentoProfondo))
          .map(([posto, v]) => JSON.stringify(sostituito(conMarcatori(esempio), posto, v)))
      : secondoSchema;
  return fc.oneof(
    { weight: 4, arbitrary: conCorpo('schema', secondoSchema) },
    { weight: 3, arbitrary: conCorpo('esempio-alterato', alterato) },
    {
      weight: 2,
      arbitrary: conCorpo(
        'ostile',
        fc.oneof(valoreOstile, annidamentoProfondo).map((v) => JSON.stringify(v) ?? 'null'),
      ),
    },
    { weight: 1, arbitrary: conCorpo('testo-grezzo', CORPI_GREZZI) },
  );
}

/** The documented example with its free text marked, so a leak of it is seen in the logs. */
function conMarcatori(valore: unknown): unknown {
  if (typeof valore === 'string') {
    return /^[A-Za-zÀ-ÿ’' ,.:;()-]{8,}$/.test(valore) && /\s/.test(valore)
      ? `${marcatore()} ${valore}`
      : valore;
  }
  if (Array.isArray(valore)) return valore.map(conMarcatori);
  if (valore && typeof valore === 'object') {
    return Object.fromEntries(Object.entries(valore).map(([k, v]) => [k, conMarcatori(v)]));
  }
  return valore;
}
