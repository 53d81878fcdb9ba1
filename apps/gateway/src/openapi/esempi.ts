import type { SchemaJson } from '@ambito/contracts';

const PER_FORMATO: Record<string, unknown> = {
  uuid: '3f2b8c1e-5d4a-4e6b-9c7d-1a2b3c4d5e6f',
  'date-time': '2026-03-02T09:30:00+01:00',
  date: '2026-03-02',
  int32: 1,
  int64: 457600,
  email: 'ufficio.piano@ambito.example',
};

const PER_NOME: Record<string, unknown> = {
  codiceFiscale: 'VRDGNN50A41D142Z',
  comuneResidenza: '019035',
  comune: '019035',
  istat: '019035',
  belfiore: 'D142',
  luogoNascita: 'D142',
  cittadinanza: 'IT',
  dataNascita: '1950-01-01',
  sede: 'SEDE-CREMA-HUB',
  subAmbito: 'SA-CREMA',
  fondo: 'FNA-B2',
  codice: 'FNA-B2',
  cognome: 'Verdi',
  nome: 'Giovanna',
  pagina: 1,
  perPagina: 50,
};

/**
 * An example value that conforms to a schema, built from its formats, enums and patterns (every
 * operation of the published API carries one, as the Italian guidelines ask).
 */
export function esempioDa(
  schema: SchemaJson,
  risolvi: (ref: string) => SchemaJson,
  nome = '',
  profondita = 0,
): unknown {
  if (typeof schema.$ref === 'string') return esempioDa(risolvi(schema.$ref), risolvi, nome, profondita);
  if (schema.example !== undefined) return schema.example;
  if (Array.isArray(schema.allOf)) return esempioDa(schema.allOf[0] as SchemaJson, risolvi, nome, profondita);
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if (schema.const !== undefined) return schema.const;
  if (
    nome in PER_NOME &&
    schema.type !== 'object' &&
    schema.type !== 'array' &&
    conforme(schema, PER_NOME[nome])
  )
    return PER_NOME[nome];
  switch (schema.type) {
    case 'object': {
      if (profondita > 6) return {};
      const proprieta = (schema.properties ?? {}) as Record<string, SchemaJson>;
      return Object.fromEntries(
        Object.entries(proprieta).map(([k, v]) => [k, esempioDa(v, risolvi, k, profondita + 1)]),
      );
    }
    case 'array':
      return profondita > 6
        ? []
        : [esempioDa((schema.items ?? {}) as SchemaJson, risolvi, nome, profondita + 1)];
    case 'number':
    case 'integer': {
      const perFormato = PER_FORMATO[String(schema.format)];
      return conforme(schema, perFormato) && perFormato !== undefined
        ? perFormato
        : Math.max(Number(schema.minimum ?? 1), 1);
    }
    case 'boolean':
      return true;
    default:
      if (typeof schema.format === 'string' && schema.format in PER_FORMATO)
        return PER_FORMATO[schema.format];
      if (typeof schema.pattern === 'string') return esempioDaPattern(schema.pattern);
      return 'testo';
  }
}

/** Whether a canned value fits the field's bounds and pattern (e.g. an annualità from 2000, a lower-case code). */
function conforme(schema: SchemaJson, valore: unknown): boolean {
  if (typeof valore === 'number')
    return valore >= Number(schema.minimum ?? -Infinity) && valore <= Number(schema.maximum ?? Infinity);
  if (typeof valore === 'string' && typeof schema.pattern === 'string')
    return new RegExp(schema.pattern).test(valore);
  return true;
}

/** The few patterns of the contracts (ISTAT, ISO dates, codes) get a value that matches them. */
function esempioDaPattern(pattern: string): string {
  const candidati = [
    '019035',
    '2026-03-02',
    '2026-03',
    'D142',
    'FNA-B2',
    '09:00',
    'IT',
    'VRDGNN50A41D142Z',
    '+39 0373 000000',
  ];
  return candidati.find((c) => new RegExp(pattern).test(c)) ?? 'testo';
}
