import type { NatsConnection } from 'nats';
import { HEADER, MISURE_RPC } from '@ambito/contracts';
import { connectTestNats } from '@ambito/testing';
import { respondOn, type Responder } from '../../test/nats-responder';
import { startTestGateway, type TestGateway } from '../../test/gateway-harness';

const FINALITA = { 'X-Finalita': 'gestione-contabile', 'X-Motivo': 'mandato di giugno' };
/** A row of the elenco as misure renders it: ~220 bytes (payee, codice fiscale, IBAN, amounts, ids). */
const RIGA =
  'CREMA-2025-000012;b2;buono-caregiver;delegato;Maria Bianchi;BNCMRA50A41D142Y;IT60X0542811101000000123456;valido;400,00;0,00;400,00;6e6a2c1b-0000-4000-8000-000000000001;7e6a2c1b-0000-4000-8000-000000000001\r\n';
const CURSORE = (n: number) => `2025.${n}.5e6a2c1b-0000-4000-8000-00000000000${n}`;

describe('gateway → misure elenco di liquidazione (REST /api/v1/misure/liquidazioni/{mese}/elenco, a responder standing in for misure)', () => {
  let gateway: TestGateway;
  let nc: NatsConnection;
  const responders: Responder[] = [];

  beforeAll(async () => {
    gateway = await startTestGateway();
    nc = await connectTestNats();
  });
  afterEach(async () => {
    await Promise.all(responders.splice(0).map((r) => r.stop()));
  });
  afterAll(async () => {
    await nc?.drain();
    await gateway?.close();
  });

  const auth = async () => `Bearer ${await gateway.token('udp')}`;

  it('streams the CSV misure renders in parts as one download, beyond the 1 MB of a NATS message', async () => {
    // Three parts of 1,800 rows (~390 KB each): 1.2 MB in all, more than one message could carry.
    const parte = (n: number) => RIGA.repeat(1_800) + `fine parte ${n}\r\n`;
    const intestazione =
      'Elenco di liquidazione 2025-06;totale 2160000,00;da completare 0\r\nprotocollo;misura\r\n';
    const csv = await respondOn(nc, MISURE_RPC.elencoLiquidazioneCsv, (data) => {
      const dopo = (data as { dopo?: string }).dopo;
      if (!dopo) return { response: { csv: intestazione + parte(1), dopo: CURSORE(1) } };
      if (dopo === CURSORE(1)) return { response: { csv: parte(2), dopo: CURSORE(2) } };
      return { response: { csv: parte(3), dopo: null } };
    });
    responders.push(csv);
    const risposta = await gateway.http
      .get('/api/v1/misure/liquidazioni/2025-06/elenco.csv')
      .set('Authorization', await auth())
      .set(FINALITA)
      .expect(200);
    expect(risposta.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(risposta.headers['content-disposition']).toBe(
      'attachment; filename="elenco-liquidazione-2025-06.csv"',
    );
    expect(risposta.text).toBe(intestazione + parte(1) + parte(2) + parte(3));
    expect(Buffer.byteLength(risposta.text)).toBeGreaterThan(1024 * 1024);
    // Each part asked after the previous one's cursor, with the caller's identity and purpose.
    expect(csv.received.map((r) => r.data)).toEqual([
      { mese: '2025-06' },
      { mese: '2025-06', dopo: CURSORE(1) },
      { mese: '2025-06', dopo: CURSORE(2) },
    ]);
    for (const r of csv.received) {
      expect(r.headers[HEADER.finalita]).toBe('gestione-contabile');
      expect(r.raw.length).toBeLessThan(1024);
    }
  });

  it('cuts the download short when a later part fails: never a file that looks whole', async () => {
    const csv = await respondOn(nc, MISURE_RPC.elencoLiquidazioneCsv, (data) =>
      (data as { dopo?: string }).dopo
        ? { err: { code: 'ERRORE_INTERNO', message: 'guasto' } }
        : { response: { csv: RIGA, dopo: CURSORE(1) } },
    );
    responders.push(csv);
    const esito = await gateway.http
      .get('/api/v1/misure/liquidazioni/2025-06/elenco.csv')
      .set('Authorization', await auth())
      .set(FINALITA)
      .then(
        () => 'completo',
        (error: Error) => error.message,
      );
    expect(esito).not.toBe('completo');
    // The first part went out as a 200; the second one failed.
    expect(csv.received).toHaveLength(2);
  });

  it('refuses the CSV without a purpose, sending nothing; pages the elenco with the query string', async () => {
    const csv = await respondOn(nc, MISURE_RPC.elencoLiquidazioneCsv, () => ({
      response: { csv: RIGA, dopo: null },
    }));
    responders.push(csv);
    const senza = await gateway.http
      .get('/api/v1/misure/liquidazioni/2025-06/elenco.csv')
      .set('Authorization', await auth());
    expect(senza.status).toBe(400);
    expect(senza.body).toMatchObject({ code: 'FINALITA_MANCANTE' });
    expect(csv.received).toEqual([]);

    const pagina = await respondOn(nc, MISURE_RPC.elencoLiquidazione, () => ({
      response: {
        mese: '2025-06',
        totaleLiquidatoCentesimi: 0,
        daCompletare: 0,
        elementi: [],
        totale: 0,
        pagina: 2,
        perPagina: 100,
      },
    }));
    responders.push(pagina);
    await gateway.http
      .get('/api/v1/misure/liquidazioni/2025-06/elenco?pagina=2&perPagina=100')
      .set('Authorization', await auth())
      .set(FINALITA)
      .expect(200);
    expect(pagina.received[0].data).toEqual({ mese: '2025-06', pagina: 2, perPagina: 100 });
  });
});
