import { ConformitaOpenApi, WAAS_OPENAPI } from '../../test/conformita-openapi';

/** The conformance check itself: it must refuse what the WaaS OpenAPI does not allow. */
describe('ConformitaOpenApi (api-comuni.yaml)', () => {
  const openapi = new ConformitaOpenApi(WAAS_OPENAPI);
  const json = { 'content-type': 'application/json; charset=utf-8' };
  const problem = { 'content-type': 'application/problem+json' };
  const flusso = {
    codice_ente: 'D142',
    denominazione_ente: 'Ambito',
    id_flusso: 'D142.PS.20260115.0000001',
    tipo: 'PS_PSA_SINA',
    ts_flusso: '2026-01-15T09:00:00.001Z',
    flusso: 'PEZsdXNzby8+',
  };

  it('accepts a documented response', () => {
    expect(
      openapi.verifica('get', '/flussi', {
        status: 200,
        headers: json,
        text: JSON.stringify({ elenco_flussi: [flusso] }),
      }),
    ).toEqual([]);
    expect(
      openapi.verifica('get', '/status', {
        status: 200,
        headers: problem,
        text: JSON.stringify({ status: 200, title: 'ok' }),
      }),
    ).toEqual([]);
  });

  it('refuses extra fields, wrong enums, undocumented statuses and content types', () => {
    expect(
      openapi.verifica('get', '/flussi', {
        status: 200,
        headers: json,
        text: JSON.stringify({ elenco_flussi: [{ ...flusso, extra: 1 }] }),
      }),
    ).not.toEqual([]);
    expect(
      openapi.verifica('get', '/flussi', {
        status: 200,
        headers: json,
        text: JSON.stringify({ elenco_flussi: [{ ...flusso, tipo: 'PS' }] }),
      }),
    ).not.toEqual([]);
    expect(
      openapi.verifica('get', '/flussi', {
        status: 200,
        headers: json,
        text: JSON.stringify({ elenco_flussi: [{ ...flusso, codice_ente: 'CREMA' }] }),
      }),
    ).not.toEqual([]);
    expect(openapi.verifica('get', '/flussi', { status: 401, headers: problem, text: '{}' })).not.toEqual([]);
    expect(openapi.verifica('get', '/status', { status: 200, headers: json, text: '{}' })).not.toEqual([]);
    expect(
      openapi.verifica('get', '/status', {
        status: 503,
        headers: problem,
        text: JSON.stringify({ status: 503, code: 'X' }),
      }),
    ).not.toEqual([]);
    expect(
      openapi.verifica('get', '/status', {
        status: 200,
        headers: problem,
        text: JSON.stringify({ status: 600 }),
      }),
    ).not.toEqual([]);
  });
});
