import type { NatsConnection } from 'nats';
import { randomUUID } from 'node:crypto';
import {
  ACCESSO_RPC,
  attoreServizio,
  type Actor,
  type RpcReply,
  type RpcRequest,
  type RpcSubject,
  type RpcTarget,
} from '@ambito/contracts';
import { ActorSigner, RpcClient, parseSigningKey } from '@ambito/messaging';
import { connectTestNats, rifiuto } from '@ambito/testing';
import { ATTORI, CREMA, persona, startTestAccesso, type TestAccesso } from '../../test/accesso-harness';

/*
 * Issue 9, point 3: the misure service reads, with its own identity and the purpose
 * istruttoria-misure, only what its rules need about a persona; no user may send this request.
 */

const { registraPersona, registraRicovero, leggiPersonaPerMisure } = ACCESSO_RPC;
const MISURE = attoreServizio('misure', 'CREMA');

describe('accesso.persona.leggi-per-misure: the persona for the istruttoria of the misure', () => {
  let svc: TestAccesso;
  let nc: NatsConnection;
  let collaudo: NatsConnection;

  const invia =
    (conn: NatsConnection, signer: ActorSigner, actor: Actor, finalita = 'istruttoria-misure') =>
    <S extends RpcSubject>(subject: RpcTarget<S>, payload: RpcRequest<S>): Promise<RpcReply<S>> =>
      new RpcClient(conn, 5000, signer).request(subject, payload, {
        context: {
          actor,
          correlationId: randomUUID(),
          causationId: null,
          finalita,
          motivo: 'Istruttoria istanza B2',
        },
      });
  const firma = (chiave: string, issuer: string) =>
    new ActorSigner(parseSigningKey(chiave, issuer), { ambito: 'CREMA' });
  const comeMisure = (finalita?: string) =>
    invia(nc, firma(svc.identita.SERVICE_SIGNING_KEYS.misure, 'misure'), MISURE, finalita);

  beforeAll(async () => {
    svc = await startTestAccesso();
    nc = await connectTestNats('misure', { name: 'accesso-test-misure' });
    collaudo = await connectTestNats();
  });
  afterAll(async () => {
    await nc?.close();
    await collaudo?.close();
    await svc?.close();
  });

  it('answers birth date, residence and definitive ricovero only, and audits the read as the service', async () => {
    const p = await svc.as(ATTORI.operatoreCrema)(registraPersona, persona('RSSMRA50A41D142K', CREMA));
    expect(await comeMisure()(leggiPersonaPerMisure, { personaId: p.id })).toEqual({
      personaId: p.id,
      dataNascita: '1950-01-01',
      comuneResidenza: CREMA,
      residenteNellAmbito: true,
      ricoveroDefinitivoInCorso: false,
      dataDecesso: null,
      ricoveri: [],
    });
    const ricovero = await svc.as(ATTORI.operatoreCrema)(registraRicovero, {
      personaId: p.id,
      tipo: 'residenziale-definitivo',
      dal: new Date().toISOString().slice(0, 10),
    });
    const letta = await comeMisure()(leggiPersonaPerMisure, { personaId: p.id });
    expect(letta.ricoveroDefinitivoInCorso).toBe(true);
    // The benefici's records: the ricoveri (kind and dates) and the date of death.
    expect(letta.ricoveri).toEqual([
      { id: ricovero.id, tipo: 'residenziale-definitivo', dal: ricovero.dal, al: null },
    ]);
    expect(JSON.stringify(letta)).not.toMatch(/Rossi|RSSMRA/);
    const audit = await svc.sql(
      `SELECT utente, azione, risorsa_id, soggetto_id, finalita, motivo, esito FROM voce_audit
        WHERE azione = 'leggi-per-misure' AND soggetto_id = $1`,
      [p.id],
    );
    expect(audit).toHaveLength(2);
    expect(audit[0]).toEqual({
      utente: 'servizio:misure',
      azione: 'leggi-per-misure',
      risorsa_id: p.id,
      soggetto_id: p.id,
      finalita: 'istruttoria-misure',
      motivo: 'Istruttoria istanza B2',
      esito: 'consentito',
    });
  });

  it('refuses users and other services, and the misure service for another purpose', async () => {
    const p = await svc.as(ATTORI.operatoreCrema)(registraPersona, persona('CSTLCU55M10D142T', CREMA));
    const gateway = firma(svc.identita.GATEWAY_SIGNING_KEY, 'gateway');
    expect(
      await rifiuto(invia(collaudo, gateway, ATTORI.udp)(leggiPersonaPerMisure, { personaId: p.id })),
    ).toBe('OPERAZIONE_NON_CONSENTITA');
    const pic = firma(svc.identita.SERVICE_SIGNING_KEYS['presa-in-carico'], 'presa-in-carico');
    expect(
      await rifiuto(
        invia(
          collaudo,
          pic,
          attoreServizio('presa-in-carico', 'CREMA'),
          'presa-in-carico',
        )(leggiPersonaPerMisure, { personaId: p.id }),
      ),
    ).toBe('OPERAZIONE_NON_CONSENTITA');
    expect(await rifiuto(comeMisure('gestione-contabile')(leggiPersonaPerMisure, { personaId: p.id }))).toBe(
      'FINALITA_NON_VALIDA',
    );
    // The misure service's NATS user may not read a whole persona.
    expect(await rifiuto(comeMisure()(ACCESSO_RPC.leggiPersona, { id: p.id }))).toBe(
      'SERVIZIO_NON_DISPONIBILE',
    );
  });
});
