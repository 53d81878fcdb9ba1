import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, exportJWK, generateKeyPair, type KeyLike } from 'jose';
/* eslint-disable @nx/enforce-module-boundaries */
import { ConformitaOpenApi, WAAS_OPENAPI } from '../../../gateway/test/conformita-openapi';
import { startTestGateway, type TestGateway } from '../../../gateway/test/gateway-harness';
/* eslint-enable @nx/enforce-module-boundaries */
import { startTestIntegrazioni, type TestIntegrazioni } from '../../test/integrazioni-harness';
import { documentoFlusso } from './xml/flusso-siuss';
import { ValidatoreXsd } from './xml/validatore-xsd';

/*
 * Issue 12, point 2: the WaaS API INPS polls, served by the gateway (apps/gateway/src/waas) from this service, checked against INPS' own OpenAPI
 * (api-comuni.yaml): every response of the test — success, empty list, bad parameters, missing, expired,
 * foreign or mis-addressed vouchers — is validated against the document. The vouchers are signed by a
 * local key acting as PDND, whose JWKS the gateway is configured with (as it would be with PDND's).
 */

const AUDIENCE = 'https://ambito.example/waas/v1';
const ISSUER = 'interop.pagopa.it';
const BASE = '/api/v1/waas/v1';
const ENTE = {
  codice: 'D142',
  denominazione: 'Ambito Distrettuale di Crema',
  indirizzo: 'D142',
  cfOperatore: '00111540191',
};

describe('gateway › WaaS API (SIUSS) for INPS with PDND vouchers', () => {
  let gw: TestGateway;
  let svc: TestIntegrazioni;
  let pdnd: KeyLike;
  let altro: KeyLike;
  const openapi = new ConformitaOpenApi(WAAS_OPENAPI);
  const risposte: { metodo: string; percorso: string; status: number }[] = [];

  async function voucher(opzioni: { chiave?: KeyLike; aud?: string; exp?: number } = {}) {
    return new SignJWT({ client_id: 'inps-waas-client', purposeId: randomUUID() })
      .setProtectedHeader({ alg: 'RS256', kid: 'pdnd-test', typ: 'at+jwt' })
      .setIssuer(ISSUER)
      .setAudience(opzioni.aud ?? AUDIENCE)
      .setSubject('inps-waas-client')
      .setIssuedAt()
      .setJti(randomUUID())
      .setExpirationTime(opzioni.exp ?? Math.floor(Date.now() / 1000) + 600)
      .sign(opzioni.chiave ?? pdnd);
  }

  /** Every response goes through the conformance check before the test looks at it. */
  async function chiama(
    metodo: 'get' | 'post',
    percorso: string,
    opzioni: { query?: string; token?: string | null; body?: unknown } = {},
  ) {
    const url = `${BASE}${percorso}${opzioni.query ? `?${opzioni.query}` : ''}`;
    let req = metodo === 'get' ? gw.http.get(url) : gw.http.post(url).send(opzioni.body as object);
    const token = opzioni.token === undefined ? await voucher() : opzioni.token;
    if (token) req = req.set('Authorization', `Bearer ${token}`);
    const r = await req;
    expect(
      openapi.verifica(metodo, percorso, {
        status: r.status,
        headers: r.headers as Record<string, string>,
        text: r.text,
      }),
    ).toEqual([]);
    risposte.push({ metodo, percorso, status: r.status });
    return r;
  }

  async function flusso(progressivo: number, ts: string, cf: string) {
    const idFlusso = `D142.PS.20260115.${String(progressivo).padStart(7, '0')}`;
    const xml = documentoFlusso(idFlusso, ENTE, [
      {
        anagrafica: {
          codiceFiscale: cf,
          cognome: 'Rossi',
          nome: 'Maria',
          annoNascita: '1945',
          luogoNascita: 'D142',
          genere: '2',
          codiceCittadinanza: '380',
          codiceNazione: '380',
          codiceRegione: '03',
          codiceComune: '019035',
        },
        prestazioni: [
          {
            TipoOperazione: 'I',
            PresenzaProvaMezzi: '1',
            CaratterePrestazione: '1',
            CodicePrestazione: 'A1.11',
            DenominazionePrestazione: 'Assegnazioni economiche per il sostegno della domiciliarità',
            ProtocolloDomanda: `CREMA-2026-00012${progressivo}`,
            DataInizioPrestazione: '2026-01-01',
            DataFinePrestazione: '2026-12-31',
            ImportoMensile: '400.00',
            PeriodoErogazione: '12',
            PresaCarico: '1',
            AreaUtenza: '2',
          },
        ],
      },
    ]);
    await expect(new ValidatoreXsd().valida(xml)).resolves.toMatchObject({ valido: true });
    await svc.sql(
      `INSERT INTO siuss_record (id, beneficio_id, persona_id, anno, tipo_operazione, stato, id_flusso, ts_flusso, xml, contenuto, impronta, codice_prestazione, in_vigore)
       VALUES ($1, $2, $3, 2026, 'I', 'offerto', $4, $5, $6, '{}', 'x', 'A1.11', true)`,
      [randomUUID(), randomUUID(), randomUUID(), idFlusso, ts, xml],
    );
    return { idFlusso, xml };
  }

  beforeAll(async () => {
    const chiavi = await generateKeyPair('RS256');
    pdnd = chiavi.privateKey;
    altro = (await generateKeyPair('RS256')).privateKey;
    const dir = mkdtempSync(join(tmpdir(), 'pdnd-'));
    const jwks = join(dir, 'jwks.json');
    writeFileSync(
      jwks,
      JSON.stringify({
        keys: [{ ...(await exportJWK(chiavi.publicKey)), kid: 'pdnd-test', alg: 'RS256', use: 'sig' }],
      }),
    );
    gw = await startTestGateway({
      PDND_AUDIENCE: AUDIENCE,
      PDND_ISSUER: ISSUER,
      PDND_JWKS_FILE: jwks,
      RPC_TIMEOUT_MS: '5000',
    });
    svc = await startTestIntegrazioni({ identita: gw.identita });
  }, 120_000);
  afterAll(async () => {
    await svc?.close();
    await gw?.close();
  });

  it('GET /status: problem+json 200 with a voucher', async () => {
    const r = await chiama('get', '/status');
    expect(r.status).toBe(200);
    expect(r.body).toBeDefined();
    expect(JSON.parse(r.text)).toMatchObject({ status: 200 });
  });

  it('GET /flussi: empty first, then the flows after `since`, in order, within `limit`', async () => {
    expect(JSON.parse((await chiama('get', '/flussi', { query: 'since=0' })).text)).toEqual({
      elenco_flussi: [],
    });
    const a = await flusso(1, '2026-01-15T09:00:00.001Z', 'RSSMRA45C52D142X');
    const b = await flusso(2, '2026-01-15T09:00:00.002Z', 'BNCLRA40A41D142Y');
    const tutti = JSON.parse((await chiama('get', '/flussi', { query: 'since=0&limit=100' })).text) as {
      elenco_flussi: Array<Record<string, string>>;
    };
    expect(tutti.elenco_flussi.map((f) => f['id_flusso'])).toEqual([a.idFlusso, b.idFlusso]);
    expect(tutti.elenco_flussi[0]).toMatchObject({
      codice_ente: 'D142',
      denominazione_ente: ENTE.denominazione,
      tipo: 'PS_PSA_SINA',
      ts_flusso: '2026-01-15T09:00:00.001Z',
    });
    expect(Buffer.from(tutti.elenco_flussi[0]['flusso'], 'base64').toString('utf8')).toBe(a.xml);
    const dopo = JSON.parse(
      (await chiama('get', '/flussi', { query: `since=${Date.parse('2026-01-15T09:00:00.001Z')}` })).text,
    ) as { elenco_flussi: Array<Record<string, string>> };
    expect(dopo.elenco_flussi.map((f) => f['id_flusso'])).toEqual([b.idFlusso]);
    const uno = JSON.parse((await chiama('get', '/flussi', { query: 'since=0&limit=1' })).text) as {
      elenco_flussi: unknown[];
    };
    expect(uno.elenco_flussi).toHaveLength(1);
  });

  it('GET /flussi: bad parameters are 400 problem+json', async () => {
    expect((await chiama('get', '/flussi', { query: 'since=ieri' })).status).toBe(400);
    expect((await chiama('get', '/flussi')).status).toBe(400);
    expect((await chiama('get', '/flussi', { query: 'since=0&limit=101' })).status).toBe(400);
  });

  it('POST /esiti: 204, and the esito reconciled on the record; a malformed list is a problem', async () => {
    const { idFlusso } = await flusso(3, '2026-01-15T09:00:00.003Z', 'VRDGPP50A01D142Z');
    const r = await chiama('post', '/esiti', {
      body: {
        elenco_esiti: [
          {
            id_flusso: idFlusso,
            tipo: 'PS_PSA_SINA',
            ts_flusso: '2026-01-15T09:00:00.003Z',
            ts_acquisizione: new Date().toISOString(),
            codice_esito: 'OK',
            id_acquisizione_siuss: '22738',
          },
        ],
      },
    });
    expect(r.status).toBe(204);
    expect(
      await svc.sql(`SELECT stato, id_acquisizione_siuss FROM siuss_record WHERE id_flusso = $1`, [idFlusso]),
    ).toEqual([{ stato: 'acquisito', id_acquisizione_siuss: '22738' }]);
    expect(
      (
        await chiama('post', '/esiti', {
          body: { elenco_esiti: [{ id_flusso: idFlusso, codice_esito: 'FORSE' }] },
        })
      ).status,
    ).toBe(400);
    expect((await chiama('post', '/esiti', { body: { altro: 1 } })).status).toBe(400);
  });

  it('a missing, expired, foreign-signed or mis-addressed voucher is 401 problem+json with WWW-Authenticate', async () => {
    for (const token of [
      null,
      await voucher({ exp: Math.floor(Date.now() / 1000) - 3600 }),
      await voucher({ chiave: altro }),
      await voucher({ aud: 'https://altro.example/waas' }),
      'non-un-jwt',
    ]) {
      const r = await chiama('post', '/esiti', { token, body: { elenco_esiti: [] } });
      expect(r.status).toBe(401);
      expect(r.headers['www-authenticate']).toBe('Bearer');
    }
    const status = await chiama('get', '/status', { token: null });
    expect(status.status).toBe(401);
    // A platform user's token is not a PDND voucher.
    const utente = await gw.token('udp').catch(() => null);
    if (utente) expect((await chiama('get', '/status', { token: utente })).status).toBe(401);
  });

  afterAll(() => {
    // Every response of the run was checked against the OpenAPI document (chiama), on every operation.
    expect(new Set(risposte.map((r) => `${r.metodo} ${r.percorso}`))).toEqual(
      new Set(['get /status', 'get /flussi', 'post /esiti']),
    );
  });
});
