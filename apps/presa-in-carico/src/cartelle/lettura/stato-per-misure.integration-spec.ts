import type { NatsConnection } from 'nats';
import { randomUUID } from 'node:crypto';
import {
  PRESA_IN_CARICO_RPC,
  attoreServizio,
  type Actor,
  type RpcReply,
  type RpcRequest,
  type RpcSubject,
  type RpcTarget,
} from '@ambito/contracts';
import { ActorSigner, RpcClient, parseSigningKey } from '@ambito/messaging';
import { connectTestNats, generateIdentityKeys, rifiuto } from '@ambito/testing';
import {
  ATTORI,
  CREMA,
  apertura,
  cartellaAperta,
  codiceFiscale,
  progetto,
  startTestPresaInCarico,
  type TestPresaInCarico,
} from '../../../test/presa-in-carico-harness';
import { registraEquipeCrema } from '../../../test/presa-in-carico-scenario';

/*
 * Issue 9, point 5: the misure service reads, with its own identity and the purpose
 * istruttoria-misure, four facts of a person's cartella; the events it re-runs istruttorie on name
 * the person.
 */

const { leggiStatoPerMisure } = PRESA_IN_CARICO_RPC;
const MISURE = attoreServizio('misure', 'CREMA');

describe('presa-in-carico.cartella.leggi-per-misure: the presa in carico for the istruttoria of the misure', () => {
  const identita = generateIdentityKeys();
  let svc: TestPresaInCarico;
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
          motivo: 'Istruttoria istanza Dopo di Noi',
        },
      });
  const firma = (chiave: string, issuer: string) =>
    new ActorSigner(parseSigningKey(chiave, issuer), { ambito: 'CREMA' });
  const comeMisure = (finalita?: string) =>
    invia(nc, firma(identita.SERVICE_SIGNING_KEYS.misure, 'misure'), MISURE, finalita);

  beforeAll(async () => {
    svc = await startTestPresaInCarico({ identita });
    await registraEquipeCrema(svc);
    nc = await connectTestNats('misure', { name: 'presa-in-carico-test-misure' });
    collaudo = await connectTestNats();
  });
  afterAll(async () => {
    await nc?.close();
    await collaudo?.close();
    await svc?.close();
  });

  it('answers the four facts of the cartella of a persona, and names her in the events of valutazione and progetto', async () => {
    const personaId = randomUUID();
    const coordinatore = svc.as(ATTORI.coordinatoreCrema);
    const c = cartellaAperta(
      await coordinatore(PRESA_IN_CARICO_RPC.apriCartella, {
        ...apertura(codiceFiscale(), CREMA),
        personaId,
      }),
    );
    await coordinatore(PRESA_IN_CARICO_RPC.assegnaCartella, { id: c.id, caseManagerId: 'as.crema' });
    await coordinatore(PRESA_IN_CARICO_RPC.assegnaEquipeCaso, { id: c.id, membri: ['psi.crema'] });
    await svc.as(ATTORI.psiCrema)(PRESA_IN_CARICO_RPC.registraValutazione, {
      id: c.id,
      strumento: 'DDN',
      data: '2025-11-21',
      risposte: { 'cura-di-se': 2, mobilita: 3, 'comunicazione-cognitive': 1, 'strumentali-relazionali': 2 },
    });
    const proposto = await svc.as(ATTORI.asCrema)(PRESA_IN_CARICO_RPC.proponiProgetto, progetto(c.id));
    await svc.as(ATTORI.responsabileCrema)(PRESA_IN_CARICO_RPC.approvaProgetto, { id: proposto.id });
    expect(await comeMisure()(leggiStatoPerMisure, { personaId })).toEqual({
      valutazioneCompletata: true,
      valutazioneClinicaSociale: true,
      progettoApprovato: true,
      budgetDiProgetto: true,
    });
    const eventi = await svc.sql<{ type: string; personaId: string }>(
      `SELECT type, envelope->'payload'->>'personaId' AS "personaId" FROM outbox_message
        WHERE envelope->'payload'->>'cartellaId' = $1
          AND type IN ('presa-in-carico.valutazione.completata', 'presa-in-carico.progetto.approvato')
        ORDER BY created_at`,
      [c.id],
    );
    expect(eventi).toEqual([
      { type: 'presa-in-carico.valutazione.completata', personaId },
      { type: 'presa-in-carico.progetto.approvato', personaId },
    ]);
    const [voce] = await svc.sql(
      `SELECT utente, risorsa_id, soggetto_id, finalita, esito FROM voce_audit WHERE azione = 'leggi-per-misure'
        AND soggetto_id = $1`,
      [c.id],
    );
    expect(voce).toEqual({
      utente: 'servizio:misure',
      risorsa_id: c.id,
      soggetto_id: c.id,
      finalita: 'istruttoria-misure',
      esito: 'consentito',
    });
  });

  it('answers all false for a persona without a cartella', async () => {
    expect(await comeMisure()(leggiStatoPerMisure, { personaId: randomUUID() })).toEqual({
      valutazioneCompletata: false,
      valutazioneClinicaSociale: false,
      progettoApprovato: false,
      budgetDiProgetto: false,
    });
  });

  it('refuses users, and the misure service for another purpose', async () => {
    const gateway = firma(identita.GATEWAY_SIGNING_KEY, 'gateway');
    expect(
      await rifiuto(
        invia(
          collaudo,
          gateway,
          ATTORI.coordinatoreCrema,
          'presa-in-carico',
        )(leggiStatoPerMisure, {
          personaId: randomUUID(),
        }),
      ),
    ).toBe('OPERAZIONE_NON_CONSENTITA');
    expect(
      await rifiuto(comeMisure('presa-in-carico')(leggiStatoPerMisure, { personaId: randomUUID() })),
    ).toBe('FINALITA_NON_VALIDA');
  });
});
