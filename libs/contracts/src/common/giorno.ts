/**
 * A day AAAA-MM-GG that exists (month lengths, leap years, no year 0000). `\d{4}-\d{2}-\d{2}` let
 * `0000-00-00` and `2024-02-30` through to PostgreSQL, which refused them mid-query: 500s the fuzz found.
 */
export const GIORNO_ESISTENTE =
  /^(?!0000)(?:\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|02-(?:0[1-9]|1\d|2[0-8]))|(?:\d{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)$/;

/** A month AAAA-MM that exists (no year 0000: PostgreSQL refuses it mid-query, a 500 the fuzz found). */
export const MESE_ESISTENTE = /^(?!0000)\d{4}-(?:0[1-9]|1[0-2])$/;
