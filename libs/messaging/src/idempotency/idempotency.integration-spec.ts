import { Global, Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { NatsConnection } from 'nats';
import type { DataSource } from 'typeorm';
import {
  ACCESSO_RPC,
  DomainError,
  HEADER,
  type AccessoV1,
  type Actor,
  type RegistraAccessoV1,
} from '@ambito/contracts';
import { createIdempotencyKeyMigration, purgeExpiredIdempotencyKeys } from '@ambito/persistence';
import { generateIdentityKeys, startNatsServer, testActor, type NatsHandle } from '@ambito/testing';
import { gatewaySignerFrom, identityKeysFrom } from '../identity/identity-config';
import { connectNats } from '../jetstream/nats-connection';
import { MessagingModule } from '../messaging.module';
import { contextHeaders } from '../rpc/nats-headers';
import { RpcController } from '../rpc/rpc-controller.decorator';
import { RpcHandler } from '../rpc/rpc-handler.decorator';
import { decodeReply, encodeBody, type DecodedReply } from '../rpc/rpc-wire';
import { SCHEMA, closeAll, countRows, openTestDataSource } from '../test/outbox-fixture';

let dataSource: DataSource;
/** How long the handler keeps its transaction open, and whether it ends with a refusal it commits. */
let ritardoMs = 0;
let chiamate = 0;

/**
 * A command handler shaped like the services' ones: one transaction writes the effect (a row of
 * `effect`); `richiesta: 'rifiuta'` commits the effect and then answers a domain error, as a WriteGate
 * refusal does with its audit row.
 */
@RpcController()
class Registrazione {
  @RpcHandler(ACCESSO_RPC.registraAccesso)
  async registra(request: RegistraAccessoV1): Promise<AccessoV1> {
    chiamate += 1;
    const id = randomUUID();
    await dataSource.transaction(async (manager) => {
      await manager.query(`INSERT INTO effect (event_id, consumer) VALUES ($1, $2)`, [id, request.personaId]);
      if (ritardoMs) await new Promise((resolve) => setTimeout(resolve, ritardoMs));
    });
    if (request.richiesta === 'rifiuta') throw new DomainError('SEDE_SCONOSCIUTA', 'Sede sconosciuta.');
    return { id, richiesta: request.richiesta } as AccessoV1;
  }
}

const comando = (personaId: string, richiesta = 'Chiede assistenza domiciliare.'): RegistraAccessoV1 => ({
  personaId,
  sede: 'SEDE-CREMA-HUB',
  canale: 'sportello',
  presentatoDa: 'interessato',
  areaBisogno: 'anziani',
  richiesta,
});

/** Idempotency-Key and deadlines on a real service shape: NATS, PostgreSQL, TypeORM transactions. */
describe('Idempotency-Key and deadlines (real NATS and PostgreSQL)', () => {
  const identita = generateIdentityKeys();
  let nats: NatsHandle;
  let app: INestApplicationContext;
  let nc: NatsConnection;
  const operatore = testActor('operatore.crema', ['operatore-accesso'], ['SA-CREMA']);
  const collega = testActor('operatore.crema.2', ['operatore-accesso'], ['SA-CREMA']);

  /** A request exactly as RpcClient sends it, with the key and deadline chosen by the test. */
  async function invia(
    body: RegistraAccessoV1,
    options: { key?: string; deadline?: number; actor?: Actor } = {},
  ): Promise<DecodedReply> {
    const correlationId = randomUUID();
    const headers = contextHeaders({ correlationId, causationId: null });
    const subject = ACCESSO_RPC.registraAccesso.subject;
    const signer = gatewaySignerFrom(identita, { ambito: 'CREMA' });
    const actor = options.actor ?? operatore;
    headers.set(HEADER.actor, await signer.sign(actor, { subject, correlationId, body: encodeBody(body) }));
    if (options.key) headers.set(HEADER.idempotencyKey, options.key);
    headers.set(HEADER.scadenza, String(options.deadline ?? Date.now() + 10_000));
    const msg = await nc.request(ACCESSO_RPC.registraAccesso.subject, encodeBody(body), {
      timeout: 10_000,
      headers,
    });
    return decodeReply(msg)!;
  }

  const effetti = (personaId: string) => countRows(dataSource, `effect WHERE consumer = $1`, [personaId]);
  const chiavi = (key: string) => countRows(dataSource, `idempotency_key WHERE key = $1`, [key]);

  beforeAll(async () => {
    nats = await startNatsServer();
    const db = await openTestDataSource([createIdempotencyKeyMigration(1764600000400)]);
    dataSource = db.dataSource;
    @Global()
    @Module({
      providers: [{ provide: getDataSourceToken(), useValue: dataSource }],
      exports: [getDataSourceToken()],
    })
    class DatabaseDiProva {}
    @Module({
      imports: [
        DatabaseDiProva,
        MessagingModule.forRoot({
          service: 'idempotenza-prova',
          ambito: 'CREMA',
          natsUrl: nats.url,
          outbox: { databaseUrl: db.url, schema: SCHEMA },
          idempotency: { replyLostAfterMs: 3_000 },
          identity: identityKeysFrom({ ACTOR_TRUSTED_KEYS: identita.ACTOR_TRUSTED_KEYS }),
        }),
      ],
      controllers: [Registrazione],
    })
    class ModuloDiProva {}
    app = await NestFactory.createApplicationContext(ModuloDiProva, { logger: false });
    await app.init();
    nc = await connectNats(nats.url, 'idempotenza-test');
  });

  beforeEach(() => {
    ritardoMs = 0;
    chiamate = 0;
  });

  afterAll(async () => {
    await app?.close().catch(() => undefined);
    await closeAll(nc, dataSource);
    await nats?.destroy();
  });

  it('a repeat with the same key and body returns the first reply and does nothing', async () => {
    const personaId = randomUUID();
    const key = randomUUID();
    const prima = await invia(comando(personaId), { key });
    const seconda = await invia(comando(personaId), { key });
    expect(prima.ok).toBe(true);
    expect(seconda).toEqual(prima);
    expect(chiamate).toBe(1);
    expect(await effetti(personaId)).toBe(1);
    // key order of the body does not make it another request
    const riordinato = Object.fromEntries(Object.entries(comando(personaId)).reverse()) as RegistraAccessoV1;
    expect(await invia(riordinato, { key })).toEqual(prima);
    // another key is another command
    await invia(comando(personaId), { key: randomUUID() });
    expect(await effetti(personaId)).toBe(2);
  });

  it('the same key with another body is 422 IDEMPOTENCY_KEY_RIUSATA; keys are per user', async () => {
    const personaId = randomUUID();
    const key = randomUUID();
    await invia(comando(personaId), { key });
    const altra = await invia(comando(personaId, 'Un’altra richiesta.'), { key });
    expect(altra).toMatchObject({ ok: false, error: { code: 'IDEMPOTENCY_KEY_RIUSATA' } });
    expect(await effetti(personaId)).toBe(1);
    // the same key of another operator is that operator's own
    expect((await invia(comando(personaId), { key, actor: collega })).ok).toBe(true);
    expect(await effetti(personaId)).toBe(2);
  });

  it('a domain error committed with its effect is answered again to a repeat', async () => {
    const personaId = randomUUID();
    const key = randomUUID();
    const prima = await invia(comando(personaId, 'rifiuta'), { key });
    expect(prima).toMatchObject({ ok: false, error: { code: 'SEDE_SCONOSCIUTA' } });
    expect(await invia(comando(personaId, 'rifiuta'), { key })).toEqual(prima);
    expect(chiamate).toBe(1);
    expect(await effetti(personaId)).toBe(1);
  });

  it('10 concurrent requests with one key make one effect and all get its reply', async () => {
    ritardoMs = 300; // the first holds its transaction while the others arrive
    const personaId = randomUUID();
    const key = randomUUID();
    const risposte = await Promise.all(Array.from({ length: 10 }, () => invia(comando(personaId), { key })));
    expect(await effetti(personaId)).toBe(1);
    expect(await chiavi(key)).toBe(1);
    const riuscite = risposte.filter((r) => r.ok);
    expect(riuscite.length).toBeGreaterThan(0);
    for (const r of riuscite) expect(r).toEqual(riuscite[0]);
    for (const r of risposte.filter((r) => !r.ok)) {
      expect(r).toMatchObject({ error: { code: 'IDEMPOTENCY_KEY_IN_USO' } });
    }
  });

  it('refuses a request whose deadline passed before it arrived: nothing runs, nothing is written', async () => {
    const personaId = randomUUID();
    const key = randomUUID();
    const risposta = await invia(comando(personaId), { key, deadline: Date.now() - 1 });
    expect(risposta).toMatchObject({ ok: false, error: { code: 'SCADENZA_SUPERATA' } });
    expect(chiamate).toBe(0);
    expect(await effetti(personaId)).toBe(0);
    expect(await chiavi(key)).toBe(0);
  });

  it('does not commit once the deadline passes during the work; the retry with the key runs once', async () => {
    ritardoMs = 400;
    const personaId = randomUUID();
    const key = randomUUID();
    const risposta = await invia(comando(personaId), { key, deadline: Date.now() + 150 });
    expect(risposta).toMatchObject({ ok: false, error: { code: 'SCADENZA_SUPERATA' } });
    expect(await effetti(personaId)).toBe(0);
    expect(await chiavi(key)).toBe(0);

    ritardoMs = 0;
    expect((await invia(comando(personaId), { key })).ok).toBe(true);
    expect((await invia(comando(personaId), { key })).ok).toBe(true);
    expect(await effetti(personaId)).toBe(1);
  });

  it('refuses a malformed key before doing anything', async () => {
    const personaId = randomUUID();
    for (const key of ['corta', 'con spazi dentro', 'x'.repeat(129), 'accentò-1234']) {
      expect(await invia(comando(personaId), { key })).toMatchObject({
        ok: false,
        error: { code: 'IDEMPOTENCY_KEY_NON_VALIDA' },
      });
    }
    expect(chiamate).toBe(0);
  });

  it('says so when the effect committed but its reply was lost (the service stopped in between)', async () => {
    const personaId = randomUUID();
    const key = randomUUID();
    await invia(comando(personaId), { key });
    await dataSource.query(
      `UPDATE idempotency_key SET reply = NULL, reply_status = NULL, created_at = now() - interval '1 hour'
        WHERE key = $1`,
      [key],
    );
    expect(await invia(comando(personaId), { key })).toMatchObject({
      ok: false,
      error: { code: 'IDEMPOTENCY_KEY_SENZA_RISPOSTA' },
    });
    expect(await effetti(personaId)).toBe(1);
  });

  it('forgets expired keys: the purge deletes them and the key can start afresh', async () => {
    const personaId = randomUUID();
    const key = randomUUID();
    await invia(comando(personaId), { key });
    await dataSource.query(
      `UPDATE idempotency_key SET expires_at = now() - interval '1 second' WHERE key = $1`,
      [key],
    );
    expect(await purgeExpiredIdempotencyKeys(dataSource)).toBeGreaterThanOrEqual(1);
    expect(await chiavi(key)).toBe(0);
    expect((await invia(comando(personaId), { key })).ok).toBe(true);
    expect(await effetti(personaId)).toBe(2);
  });
});
