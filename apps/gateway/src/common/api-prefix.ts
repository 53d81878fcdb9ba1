/** Prefix of the REST resources; health, metrics and docs stay outside it. */
export const API_PREFIX = 'api/v1';

/** Absolute path of a resource, for `Location` headers. */
export function resourcePath(...segments: string[]): string {
  return `/${API_PREFIX}/${segments.map(encodeURIComponent).join('/')}`;
}
