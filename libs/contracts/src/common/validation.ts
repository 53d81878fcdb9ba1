import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validate, type ValidationError } from 'class-validator';
import type { Classe } from './declarations';
import { DomainError } from './domain-error';
import type { FieldError } from './error-codes';
import { difettiDellInput, righeInEccesso } from './input-pulito';
import { messaggioItaliano } from './messaggi-italiani';

/**
 * class-validator looks up a class's rules on every object it validates, scanning every registered
 * class for parents (`instanceof` against each): a batch of 500 nested items cost ~10 s of CPU per
 * 20,000 in the budget (tools/bench, liquidazioni). The rules of a class are all registered when the
 * class is defined, so the lookups are remembered, and forgotten whenever a rule is added.
 */
function ricordaMetadati(): void {
  const storage = getMetadataStorage() as ReturnType<typeof getMetadataStorage> & { __ricordati?: true };
  if (storage.__ricordati) return;
  storage.__ricordati = true;
  const originale = storage.getTargetValidationMetadatas.bind(storage);
  let ricordati = new Map<unknown, Map<string, ReturnType<typeof originale>>>();
  for (const metodo of ['addValidationMetadata', 'addConstraintMetadata', 'addValidationSchema'] as const) {
    const aggiungi = (storage[metodo] as (...args: unknown[]) => void).bind(storage);
    (storage as unknown as Record<string, unknown>)[metodo] = (...args: unknown[]) => {
      ricordati = new Map();
      aggiungi(...args);
    };
  }
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    if (groups && groups.length > 0) return originale(target, schema, always, strictGroups, groups);
    const chiave = `${schema}|${always}|${strictGroups}`;
    let perClasse = ricordati.get(target);
    if (!perClasse) ricordati.set(target, (perClasse = new Map()));
    let metadati = perClasse.get(chiave);
    if (!metadati)
      perClasse.set(chiave, (metadati = originale(target, schema, always, strictGroups, groups)));
    return metadati;
  };
}
ricordaMetadati();

/** How strictly a value is checked against its contract class. */
export interface OpzioniValidazione {
  /** Unknown fields are refused (commands); replies and events may carry fields a reader ignores. */
  rifiutaCampiIgnoti?: boolean;
  /**
   * Text is checked (input-pulito.ts: control, bidirectional and zero-width characters; line breaks
   * outside multi-line fields). On by default for commands (`rifiutaCampiIgnoti`); events and replies
   * were written by our own services and are read as they are.
   */
  controllaTesto?: boolean;
}

/** class-validator's tree of errors, flattened to the fields an operator can correct. */
export function campiInErrore(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const campo = parent ? `${parent}.${error.property}` : error.property;
    const own: FieldError[] = error.constraints
      ? [
          {
            campo,
            // One message per meaning: a field's constraints may share it (`pagina: numero intero…`).
            messaggi: [
              ...new Set(
                Object.entries(error.constraints).map(([constraint, message]) =>
                  messaggioItaliano(constraint, message),
                ),
              ),
            ],
          },
        ]
      : [];
    return [...own, ...campiInErrore(error.children ?? [], campo)];
  });
}

export function validazioneFallita(details: FieldError[]): DomainError {
  return new DomainError('VALIDAZIONE_FALLITA', 'Dati non validi: correggere i campi indicati.', details);
}

/**
 * The one validation of every edge (HTTP body, NATS request, event payload): the plain value becomes an
 * instance of its contract class, or a VALIDAZIONE_FALLITA with the fields in error. The raw value is
 * walked first (forbidden keys, nesting, forbidden characters), before anything copies it.
 */
export async function validaContratto<T extends object>(
  classe: Classe<T>,
  valore: unknown,
  opzioni: OpzioniValidazione = { rifiutaCampiIgnoti: true },
): Promise<T> {
  if (valore === null || typeof valore !== 'object' || Array.isArray(valore)) {
    throw validazioneFallita([{ campo: '', messaggi: ['deve essere un oggetto JSON'] }]);
  }
  const rifiutaCampiIgnoti = opzioni.rifiutaCampiIgnoti ?? true;
  const controllaTesto = opzioni.controllaTesto ?? rifiutaCampiIgnoti;
  const difetti = difettiDellInput(valore, { testo: controllaTesto });
  if (difetti.length > 0) throw validazioneFallita(difetti);
  const instance = plainToInstance(classe, valore, { enableImplicitConversion: false });
  const nonOggetti = annidatiNonOggetti(instance);
  if (nonOggetti.length > 0) throw validazioneFallita(nonOggetti);
  const errors = await validate(instance, {
    whitelist: rifiutaCampiIgnoti,
    forbidNonWhitelisted: rifiutaCampiIgnoti,
    forbidUnknownValues: true,
  });
  if (errors.length > 0) throw validazioneFallita(campiInErrore(errors));
  const righe = controllaTesto ? righeInEccesso(instance) : [];
  if (righe.length > 0) throw validazioneFallita(righe);
  return instance;
}

/**
 * class-validator's `ValidateNested` walks into an array wherever it finds one, so `[]` where a nested
 * object is expected (`persona: []`, `comuni: [[], {…}]`) would pass with nothing checked and reach the
 * handler: every nested value must be an object (for a list, every element).
 */
function annidatiNonOggetti(instance: object, parent = ''): FieldError[] {
  const annidati = getMetadataStorage()
    .getTargetValidationMetadatas(instance.constructor, '', true, false)
    .filter((m) => m.type === 'nestedValidation');
  return annidati.flatMap(({ propertyName, each }) => {
    const valore = (instance as Record<string, unknown>)[propertyName];
    const campo = parent ? `${parent}.${propertyName}` : propertyName;
    // Absent, or not the array a list needs: the field's other decorators say what is wrong.
    if (valore === undefined || valore === null || (each && !Array.isArray(valore))) return [];
    const elementi =
      each && Array.isArray(valore)
        ? valore.map((v, i) => [v, `${campo}.${i}`] as const)
        : [[valore, campo] as const];
    return elementi.flatMap(([v, nome]) =>
      v !== null && typeof v === 'object' && !Array.isArray(v)
        ? annidatiNonOggetti(v, nome)
        : [{ campo: nome, messaggi: ['deve essere un oggetto'] }],
    );
  });
}
