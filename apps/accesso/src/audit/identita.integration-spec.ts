import { randomUUID } from 'node:crypto';
import { headers as natsHeaders, type NatsConnection } from 'nats';
import {
  ACCESSO_RPC,
  HEADER,
  type Actor,
  type ElencaAccessiV1,
  type ErrorReply,
  type PaginaV1,
  type AccessoV1,
} from '@ambito/contracts';
import { gatewaySignerFrom, type ActorSigner, type ActorSignerOptions } from '@ambito/messaging';
import { generateIdentityKeys, testActor } from '@ambito/testing';
import { connectTestNats } from '@ambito/testing';
import {
  ATTORI,
  CREMA,
  SONCINO,
  accesso,
  persona,
  startTestAccesso,
  type TestAccesso,
} from '../../test/accesso-harness';

const ELENCA = ACCESSO_RPC.elencaAccessi.subject;
const MOTIVO = 'verifica della presa in carico';

interface Risposta {
  esito: string | undefined;
  body: unknown;
}

/**
 * Issue 14, finding "identity is unsigned": a request sent straight on the bus with an invented actor
 * used to be served. Now every service verifies the actor the gateway signed for that one request, and
 * a refusal is audited without anything of the forged request.
 */
describe('accesso: the actor of a NATS request is verified (signed identity)', () => {
  let svc: TestAccesso;
  let nc: NatsConnection;
  let firmaGateway: ActorSigner;
  const body: ElencaAccessiV1 = { pagina: 1, perPagina: 50 };
  /** The forged operator of the finding: every sub-ambito of the Ambito, and a made-up name. */
  const inventato: Actor = {
    ...testActor('intruso.9f3', ['operatore-accesso'], ['SA-CREMA', 'SA-SONCINO', 'SA-CASTELLEONE']),
    nome: 'Mario Inventato RSSMRA80A01D142X',
  };

  beforeAll(async () => {
    svc = await startTestAccesso();
    // As the gateway's NATS user: the bus lets it send requests, the service must still verify the actor.
    nc = await connectTestNats('gateway');
    firmaGateway = gatewaySignerFrom(svc.identita, { ambito: 'CREMA' });
    const crema = await svc.as(ATTORI.operatoreCrema)(
      ACCESSO_RPC.registraPersona,
      persona('RSSMRA50A41D142K'),
    );
    await svc.as(ATTORI.operatoreCrema)(ACCESSO_RPC.registraAccesso, accesso(crema.id));
    const soncino = await svc.as(ATTORI.operatoreSoncino)(
      ACCESSO_RPC.registraPersona,
      persona('CSTPLA55L20D142P', SONCINO, 'Castelli'),
    );
    await svc.as(ATTORI.operatoreSoncino)(
      ACCESSO_RPC.registraAccesso,
      accesso(soncino.id, 'SEDE-SONCINO-HUB'),
    );
  });

  afterAll(async () => {
    await nc?.close();
    await svc?.close();
  });

  /** A raw request on the bus, as anyone connected to NATS can send it. */
  async function invia(
    subject: string,
    actorHeader: string | undefined,
    options: { correlationId?: string; data?: Uint8Array; motivo?: string } = {},
  ): Promise<Risposta> {
    const h = natsHeaders();
    h.set(HEADER.correlationId, options.correlationId ?? randomUUID());
    h.set(HEADER.motivo, encodeURIComponent(options.motivo ?? MOTIVO));
    h.set(HEADER.finalita, 'segretariato-sociale');
    if (actorHeader) h.set(HEADER.actor, actorHeader);
    const reply = await nc.request(subject, options.data ?? encode(body), { timeout: 5000, headers: h });
    return { esito: reply.headers?.get(HEADER.esito), body: reply.json() };
  }

  /** A token signed for `subject` with `signer`, and the request that carries it. */
  async function firmato(
    signer: ActorSigner,
    actor: Actor,
    subject: string = ELENCA,
  ): Promise<{ token: string; correlationId: string; data: Uint8Array }> {
    const correlationId = randomUUID();
    const data = encode(body);
    return { token: await signer.sign(actor, { subject, correlationId, body: data }), correlationId, data };
  }

  const codice = (r: Risposta) => (r.esito === 'errore' ? (r.body as ErrorReply).code : 'ok');

  async function righeNegate(correlationId: string) {
    return svc.sql<Record<string, unknown>>(
      `SELECT utente, ruoli, azione, risorsa, risorsa_id, soggetto_id, motivo, esito, codice_errore,
              correlation_id, row_to_json(v)::text AS riga
         FROM voce_audit v WHERE correlation_id = $1`,
      [correlationId],
    );
  }

  it('refuses the forged request of the finding (unsigned base64 JSON, every sub-ambito) and audits it without its data', async () => {
    const correlationId = randomUUID();
    const forged = Buffer.from(JSON.stringify(inventato)).toString('base64url');
    const risposta = await invia(ELENCA, forged, { correlationId, motivo: 'indagine su Rossi Maria' });

    expect(risposta.esito).toBe('errore');
    expect(risposta.body).toEqual({
      code: 'IDENTITA_NON_VALIDA',
      message: 'Identità dell’utente non valida: non è un’identità firmata.',
    });
    const righe = await righeNegate(correlationId);
    expect(righe).toHaveLength(1);
    expect(righe[0]).toMatchObject({
      utente: '(non verificato)',
      ruoli: [],
      azione: 'elenca',
      risorsa: 'accesso',
      risorsa_id: null,
      soggetto_id: null,
      motivo: null,
      esito: 'negato',
      codice_errore: 'IDENTITA_NON_VALIDA',
    });
    // Nothing the forged request carried beyond its subject and correlation id.
    for (const inventata of [
      'intruso.9f3',
      'Mario Inventato',
      'RSSMRA80A01D142X',
      'Rossi Maria',
      'SA-SONCINO',
    ])
      expect(String(righe[0].riga)).not.toContain(inventata);
  });

  it('refuses and audits a request without an actor (NON_AUTENTICATO)', async () => {
    const correlationId = randomUUID();
    expect(codice(await invia(ELENCA, undefined, { correlationId }))).toBe('NON_AUTENTICATO');
    expect(await righeNegate(correlationId)).toMatchObject([{ codice_errore: 'NON_AUTENTICATO' }]);
  });

  it('refuses a token signed with another key, even under the trusted key’s kid', async () => {
    const altra = gatewaySignerFrom(generateIdentityKeys(), { ambito: 'CREMA' });
    const { token, correlationId, data } = await firmato(altra, inventato);
    expect(codice(await invia(ELENCA, token, { correlationId, data }))).toBe('IDENTITA_NON_VALIDA');
    expect(await righeNegate(correlationId)).toMatchObject([{ codice_errore: 'IDENTITA_NON_VALIDA' }]);

    const trusted = JSON.parse(svc.identita.ACTOR_TRUSTED_KEYS) as { gateway: { keys: { x: string }[] } };
    const { x } = trusted.gateway.keys[0];
    const kid = (await import('node:crypto'))
      .createHash('sha256')
      .update(JSON.stringify({ crv: 'Ed25519', kty: 'OKP', x }))
      .digest('base64url');
    const impostore = gatewaySignerFrom(generateIdentityKeys(kid), { ambito: 'CREMA' });
    const falso = await firmato(impostore, inventato);
    expect(codice(await invia(ELENCA, falso.token, falso))).toBe('IDENTITA_NON_VALIDA');
  });

  it('refuses an expired token', async () => {
    const ieri: ActorSignerOptions = { ambito: 'CREMA', now: () => Date.now() - 120_000 };
    const scaduto = await firmato(gatewaySignerFrom(svc.identita, ieri), ATTORI.operatoreCrema);
    const risposta = await invia(ELENCA, scaduto.token, scaduto);
    expect(risposta.body).toMatchObject({
      code: 'IDENTITA_NON_VALIDA',
      message: expect.stringMatching(/scaduta/),
    });
  });

  it('serves a valid token once, and refuses it when replayed', async () => {
    const valido = await firmato(firmaGateway, ATTORI.operatoreCrema);
    const prima = await invia(ELENCA, valido.token, valido);
    expect(prima.esito).toBe('ok');
    const pagina = prima.body as PaginaV1<AccessoV1>;
    expect(pagina.elementi.map((a) => a.subAmbito)).toEqual(['SA-CREMA']);
    expect(pagina.elementi[0].persona.codiceFiscale).toBe('RSSMRA50A41D142K');

    const replica = await invia(ELENCA, valido.token, valido);
    expect(replica.body).toMatchObject({
      code: 'IDENTITA_NON_VALIDA',
      message: 'Identità dell’utente già usata per un’altra richiesta.',
    });
    const negate = (await righeNegate(valido.correlationId)).filter((r) => r.esito === 'negato');
    expect(negate).toMatchObject([{ utente: '(non verificato)', codice_errore: 'IDENTITA_NON_VALIDA' }]);
  });

  it('refuses a token bound to another subject, another request body or another conversation', async () => {
    const perLeggi = await firmato(firmaGateway, ATTORI.operatoreCrema, ACCESSO_RPC.leggiAccesso.subject);
    const risposta = await invia(ELENCA, perLeggi.token, perLeggi);
    expect(risposta.body).toMatchObject({
      code: 'IDENTITA_NON_VALIDA',
      message: expect.stringMatching(/altra operazione/),
    });

    const valido = await firmato(firmaGateway, ATTORI.operatoreCrema);
    const altroCorpo = encode({ ...body, subAmbito: 'SA-SONCINO' });
    expect(codice(await invia(ELENCA, valido.token, { ...valido, data: altroCorpo }))).toBe(
      'IDENTITA_NON_VALIDA',
    );
    expect(codice(await invia(ELENCA, valido.token, { data: valido.data }))).toBe('IDENTITA_NON_VALIDA');
  });

  it('refuses a token signed for another ambito, or carrying an actor of another ambito', async () => {
    const oglioPo = gatewaySignerFrom(svc.identita, { ambito: 'OGLIO-PO' });
    const altroAmbito = await firmato(oglioPo, { ...ATTORI.operatoreCrema, ambito: 'OGLIO-PO' });
    const risposta = await invia(ELENCA, altroAmbito.token, altroAmbito);
    expect(risposta.body).toMatchObject({
      code: 'IDENTITA_NON_VALIDA',
      message: expect.stringMatching(/altro Ambito/),
    });
    const straniero = await firmato(firmaGateway, { ...ATTORI.operatoreCrema, ambito: 'OGLIO-PO' });
    expect(codice(await invia(ELENCA, straniero.token, straniero))).toBe('IDENTITA_NON_VALIDA');
  });

  it('still checks roles and scope on a valid signature: the signed actor is the gateway’s, not a wish', async () => {
    const soncino = await firmato(firmaGateway, ATTORI.operatoreSoncino);
    const pagina = (await invia(ELENCA, soncino.token, soncino)).body as PaginaV1<AccessoV1>;
    expect(pagina.elementi.every((a) => a.subAmbito === 'SA-SONCINO')).toBe(true);
    expect(pagina.elementi.some((a) => a.comuneResidenza === CREMA)).toBe(false);
  });
});

function encode(value: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(value));
}
