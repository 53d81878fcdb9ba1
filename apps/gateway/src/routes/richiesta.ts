import {
  DomainError,
  difettiDellInput,
  validaContratto,
  validazioneFallita,
  type FieldError,
} from '@ambito/contracts';
import { haCorpo, nomiParametri, type Rotta } from './rotta';

export interface ParteHttp {
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
}

/** The request field each path parameter fills. */
export function campoDelParametro(r: Rotta, parametro: string): string {
  return r.parametri?.[parametro]?.campo ?? parametro;
}

/**
 * The command of a route, assembled from path, query and body and validated against the declared
 * request class before it goes on the bus (the service validates it again). Field names in errors are
 * the ones the caller sent: a body that fills one field (`corpo`) reports its own fields.
 */
export async function richiestaDa(r: Rotta, http: ParteHttp): Promise<object> {
  const valori: Record<string, unknown> = {};
  const errori: FieldError[] = [];
  const campiDelPercorso = new Set(nomiParametri(r.percorso).map((p) => campoDelParametro(r, p)));
  // Before anything copies them: Object.assign below would take a `__proto__` key as the prototype.
  const sorgente = haCorpo(r) ? http.body : http.query;
  const difetti = difettiDellInput(sorgente, { testo: true });
  if (difetti.length > 0) throw validazioneFallita(difetti);
  for (const [parametro, valore] of Object.entries(http.params)) {
    const d = difettiDellInput(valore, { testo: true });
    if (d.length > 0) throw validazioneFallita([{ campo: parametro, messaggi: d[0].messaggi }]);
  }
  if (haCorpo(r)) {
    const body = http.body ?? {};
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw validazioneFallita([{ campo: '', messaggi: ['il corpo deve essere un oggetto JSON'] }]);
    }
    if (r.corpo) valori[r.corpo] = body;
    else {
      for (const campo of Object.keys(body)) {
        if (campiDelPercorso.has(campo)) errori.push({ campo, messaggi: ['campo non previsto'] });
      }
      Object.assign(valori, body);
    }
  } else {
    Object.assign(valori, http.query);
  }
  for (const parametro of nomiParametri(r.percorso))
    valori[campoDelParametro(r, parametro)] = http.params[parametro];
  if (errori.length > 0) throw validazioneFallita(errori);
  try {
    return await validaContratto(r.messaggio.request, valori);
  } catch (error) {
    throw comeInviati(error, r);
  }
}

/**
 * Error fields as the caller sent them: a path parameter by its name (`codice`, not the `fondo` it
 * fills), the fields of a body that fills one field (`corpo`) without its prefix.
 */
function comeInviati(error: unknown, r: Rotta): unknown {
  if (!(error instanceof DomainError) || !error.details) return error;
  const parametri = new Map(nomiParametri(r.percorso).map((p) => [campoDelParametro(r, p), p]));
  const prefisso = r.corpo ? `${r.corpo}.` : undefined;
  return new DomainError(
    error.code,
    error.message,
    error.details.map((d) => {
      if (prefisso && d.campo.startsWith(prefisso)) return { ...d, campo: d.campo.slice(prefisso.length) };
      const parametro = parametri.get(d.campo);
      return parametro ? { ...d, campo: parametro } : d;
    }),
  );
}
