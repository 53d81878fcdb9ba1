/* eslint-disable @nx/enforce-module-boundaries --
 * As in dlq.integration-spec.ts: the command is tried against a real consumer (EventSubscription of
 * @ambito/messaging), which a tool itself never imports.
 */
import { randomUUID } from 'node:crypto';
import type { NatsConnection } from 'nats';
import { PRESA_IN_CARICO_CONSUMI, type EventEnvelope } from '@ambito/contracts';
import { EventSubscription, ensureStream, eventStreamName } from '@ambito/messaging';
import { connectTestNats, eventually } from '@ambito/testing';
import { listDeadLetters, replayDeadLetter, showDeadLetter } from './dlq-admin';

/**
 * The command with the `operatore` NATS user and the consumer with its service's user, on the test NATS
 * of the global setup (users and permissions generated from the contracts): the permissions suffice for
 * dead-lettering, listing, showing and replaying, and no more (issue 14, points 1 and 9).
 */
const { servizio, durable, evento } = PRESA_IN_CARICO_CONSUMI.intake;
const TYPE = evento.type as 'accesso.accesso.chiuso';

describe('dead letters on an authorised bus', () => {
  const connessioni: NatsConnection[] = [];
  let subscription: EventSubscription<typeof TYPE>;
  let operatore: NatsConnection;
  let broken = true;
  const handled: string[] = [];

  beforeAll(async () => {
    if (!process.env.TEST_NATS_CREDENZIALI) throw new Error('il NATS dei test non chiede credenziali');
    const collaudo = await connectTestNats();
    connessioni.push(collaudo);
    // The producer's stream, as accesso creates it.
    await ensureStream(await collaudo.jetstreamManager(), eventStreamName('accesso'), ['evt.accesso.>']);
    const servizioNc = await connectTestNats(servizio);
    connessioni.push(servizioNc);
    subscription = new EventSubscription(servizioNc, {
      service: servizio,
      durable,
      type: TYPE,
      maxDeliver: 1,
      retryDelayMs: 50,
      handler: async (e) => {
        if (broken) throw new Error('servizio non raggiungibile');
        handled.push(e.id);
      },
    });
    await subscription.start();
    operatore = await connectTestNats('operatore');
    connessioni.push(operatore);
  });

  afterAll(async () => {
    await subscription?.stop();
    await Promise.all(connessioni.map((nc) => nc.close()));
  });

  it('lets the operator list, show and replay a dead letter to the consumer that failed', async () => {
    // A valid event whose handler fails (its dependency is down): a dead letter with reason `errore`.
    const event: EventEnvelope = {
      id: randomUUID(),
      type: TYPE,
      version: 2,
      occurredAt: new Date().toISOString(),
      ambito: 'CREMA',
      actor: { userId: 'u-1', nome: 'Operatore', ruoli: [] },
      correlationId: randomUUID(),
      causationId: null,
      payload: {
        accessoId: randomUUID(),
        personaId: randomUUID(),
        sede: 'SEDE-CREMA-HUB',
        subAmbito: 'SA-CREMA',
        chiusoIl: new Date().toISOString(),
        operatoreId: 'operatore.crema',
        esito: { tipo: 'invio-altro-servizio', urgenza: null },
      },
    };
    await connessioni[0].jetstream().publish('evt.accesso.accesso.chiuso.v2', JSON.stringify(event));
    let ref = '';
    await eventually(
      async () => {
        const letter = (await listDeadLetters(operatore, { service: servizio })).find(
          (l) => l.eventId === event.id,
        );
        expect(letter).toBeDefined();
        ref = letter!.ref;
      },
      { timeoutMs: 10_000 },
    );
    const shown = await showDeadLetter(operatore, ref);
    expect(shown.headers['Ambito-Dlq-Consumer']).toBe(durable);
    broken = false;
    // The replay reaches the service's replay consumer (its own permissions), which handles it and
    // removes the dead letter from its own stream.
    const result = await replayDeadLetter(operatore, ref, { waitMs: 15_000 });
    expect(result.outcome).toBe('riuscita');
    expect(handled).toEqual([event.id]);
    expect((await listDeadLetters(operatore, { service: servizio })).map((l) => l.eventId)).not.toContain(
      event.id,
    );
  });

  it('does not let the operator read the event streams or forge an event', async () => {
    const jsm = await operatore.jetstreamManager();
    await expect(jsm.streams.getMessage('EVT_ACCESSO', { seq: 1 })).rejects.toMatchObject({
      code: 'PERMISSIONS_VIOLATION',
    });
    await expect(
      operatore.jetstream().publish('evt.accesso.accesso.chiuso.v2', new Uint8Array(), { timeout: 2000 }),
    ).rejects.toMatchObject({ code: 'PERMISSIONS_VIOLATION' });
  });
});
