/**
 * A variant of a rule set's parameters: `variante` merged onto `base` field by field (objects
 * recursively; lists and values replaced whole), so a request may change one threshold without
 * repeating the document. The result is validated as a whole document by the caller.
 */
export function applicaVariante(base: unknown, variante: unknown): unknown {
  if (!oggetto(base) || !oggetto(variante)) return variante;
  const risultato: Record<string, unknown> = { ...base };
  for (const [campo, valore] of Object.entries(variante))
    risultato[campo] = campo in base ? applicaVariante(base[campo], valore) : valore;
  return risultato;
}

function oggetto(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
