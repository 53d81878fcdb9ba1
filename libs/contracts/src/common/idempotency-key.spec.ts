import { leggiIdempotencyKey } from './idempotency-key';

describe('Idempotency-Key', () => {
  it.each([
    ['8e03978e-40d5-43e8-bc93-6894a57f9324', '8e03978e-40d5-43e8-bc93-6894a57f9324'],
    ['"8e03978e-40d5-43e8-bc93-6894a57f9324"', '8e03978e-40d5-43e8-bc93-6894a57f9324'],
    ['01HF8Z3K4QW9T2V7M5X6N8P0RS', '01HF8Z3K4QW9T2V7M5X6N8P0RS'],
    ['ordine:2026.42~a+b/c=', 'ordine:2026.42~a+b/c='],
  ])('accepts %s', (raw, key) => {
    expect(leggiIdempotencyKey(raw)).toBe(key);
  });

  it.each([
    '',
    'corta',
    '"8e03978e',
    'due parole-chiave',
    'x'.repeat(129),
    'chiave\u0000nulla',
    'chiave\u202eabc12',
  ])('refuses %j', (raw) => {
    expect(leggiIdempotencyKey(raw)).toBeNull();
  });
});
