/**
 * A vocabulary of the contracts as the list of a CHECK (… IN (…)) constraint, so the database keeps the
 * same values the DTOs accept. Values are code identifiers, never user input; quotes are doubled anyway.
 */
export function sqlValueList(values: readonly string[]): string {
  return values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ');
}
