import { createHash } from 'node:crypto';

/**
 * JSON with the keys of every object sorted, so that two bodies that differ only in key order are the
 * same request. `undefined` members are dropped, as JSON.stringify does.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value))
    return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** What identifies a request for its Idempotency-Key: the subject and the body, hashed (SHA-256, hex). */
export function requestHash(subject: string, body: unknown): string {
  return createHash('sha256').update(subject).update('\n').update(canonicalJson(body)).digest('hex');
}
