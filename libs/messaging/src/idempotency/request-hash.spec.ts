import { canonicalJson, requestHash } from './request-hash';

describe('request hash of an Idempotency-Key', () => {
  it('does not depend on the order of the keys, at any depth', () => {
    const a = { b: 1, a: { y: [1, { q: 2, p: 1 }], x: null } };
    const b = { a: { x: null, y: [1, { p: 1, q: 2 }] }, b: 1 };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(requestHash('s.a.b', a)).toBe(requestHash('s.a.b', b));
  });

  it('tells apart another body, another subject, and array order', () => {
    const body = { importo: 100, note: 'x' };
    expect(requestHash('s.a.b', body)).not.toBe(requestHash('s.a.b', { ...body, importo: 101 }));
    expect(requestHash('s.a.b', body)).not.toBe(requestHash('s.a.c', body));
    expect(requestHash('s', { l: [1, 2] })).not.toBe(requestHash('s', { l: [2, 1] }));
  });

  it('drops undefined members as JSON does', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
  });
});
