import { randomUUID } from 'node:crypto';
import { headers as natsHeaders } from 'nats';
import { HEADER, PRESA_IN_CARICO_RPC } from '@ambito/contracts';
import { ATTORI, startTestPresaInCarico, type TestPresaInCarico } from '../../test/presa-in-carico-harness';

/** Issue 14: a forged actor on the bus reaches no cartella, and its refusal is audited without its data. */
describe('presa-in-carico: a request whose actor is not signed is refused and audited', () => {
  let svc: TestPresaInCarico;

  beforeAll(async () => {
    svc = await startTestPresaInCarico();
  });

  afterAll(async () => {
    await svc?.close();
  });

  it('refuses an unsigned actor reading a cartella, writing only the action, the code and the correlation id', async () => {
    const correlationId = randomUUID();
    const cartellaId = randomUUID();
    const h = natsHeaders();
    h.set(HEADER.correlationId, correlationId);
    h.set(HEADER.motivo, encodeURIComponent('controllo di Bianchi Anna'));
    h.set(
      HEADER.actor,
      Buffer.from(
        JSON.stringify({ ...ATTORI.coordinatoreCrema, subAmbiti: ['SA-CREMA', 'SA-PANDINO'] }),
      ).toString('base64url'),
    );
    const reply = await svc.nats.request(
      PRESA_IN_CARICO_RPC.leggiCartella.subject,
      JSON.stringify({ id: cartellaId }),
      { timeout: 5000, headers: h },
    );

    expect(reply.headers?.get(HEADER.esito)).toBe('errore');
    expect(reply.json()).toMatchObject({ code: 'IDENTITA_NON_VALIDA' });
    const righe = await svc.sql<Record<string, unknown>>(
      `SELECT utente, ruoli, azione, risorsa, risorsa_id, soggetto_id, motivo, esito, codice_errore,
              row_to_json(v)::text AS riga
         FROM voce_audit v WHERE correlation_id = $1`,
      [correlationId],
    );
    expect(righe).toMatchObject([
      {
        utente: '(non verificato)',
        ruoli: [],
        azione: 'leggi',
        risorsa: 'cartella',
        risorsa_id: null,
        soggetto_id: null,
        motivo: null,
        esito: 'negato',
        codice_errore: 'IDENTITA_NON_VALIDA',
      },
    ]);
    for (const inventato of ['coordinatore.crema', 'Bianchi Anna', cartellaId])
      expect(String(righe[0].riga)).not.toContain(inventato);
  });
});
