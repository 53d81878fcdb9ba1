import { Injectable, Module, type INestApplicationContext } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, ModuleRef, NestFactory, Reflector } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import type { NatsConnection } from 'nats';
import {
  ACCESSO_RPC,
  DomainError,
  HEADER,
  type AccessoV1,
  type Actor,
  type LeggiAccessoV1,
  type TerritorioV1,
} from '@ambito/contracts';
import { generateIdentityKeys, rifiuto, startNatsServer, testActor, type NatsHandle } from '@ambito/testing';
import { ActorVerifier } from '../identity/actor-token';
import { gatewaySignerFrom, identityKeysFrom } from '../identity/identity-config';
import { connectNats } from '../jetstream/nats-connection';
import { MessagingModule } from '../messaging.module';
import { RpcClient } from './rpc-client';
import { RpcController } from './rpc-controller.decorator';
import { RpcHandler } from './rpc-handler.decorator';
import { RPC_REFUSAL_RECORDER, type IdentityRefusal, type RpcRefusal } from './rpc-refusal';
import { RpcServer } from './rpc-server';

const refusals: RpcRefusal[] = [];
const identityRefusals: IdentityRefusal[] = [];
const identita = generateIdentityKeys();
let leggiAccesso: (request: LeggiAccessoV1) => Promise<AccessoV1> = () =>
  Promise.reject(new Error('non impostato'));

@RpcController()
class HandlersDiProva {
  @RpcHandler(ACCESSO_RPC.leggiAccesso)
  leggi(request: LeggiAccessoV1): Promise<AccessoV1> {
    return leggiAccesso(request);
  }

  @RpcHandler(ACCESSO_RPC.leggiTerritorio)
  territorio(): TerritorioV1 {
    throw new Error('guasto imprevisto con dati: RSSMRA80A01D142X');
  }
}

@Injectable()
class Registratore {
  recordRefusal(refusal: RpcRefusal): Promise<void> {
    refusals.push(refusal);
    return Promise.resolve();
  }

  recordIdentityRefusal(refusal: IdentityRefusal): Promise<void> {
    identityRefusals.push(refusal);
    return Promise.resolve();
  }
}

/** The request/reply server every service shares: roles, validation and errors from the declaration. */
describe('RpcServer (real NATS)', () => {
  let nats: NatsHandle;
  let app: INestApplicationContext;
  let nc: NatsConnection;
  let rpc: RpcClient;
  const operatore = testActor('operatore.crema', ['operatore-accesso'], ['SA-CREMA']);
  const udp = testActor('udp', ['ufficio-di-piano']);
  // Some of the subjects served here read personal data: they need a declared purpose.
  const as = (actor: Actor | undefined) => ({
    context: {
      actor,
      correlationId: randomUUID(),
      causationId: null,
      finalita: 'segretariato-sociale',
      motivo: 'prova del server',
    },
  });

  beforeAll(async () => {
    nats = await startNatsServer();
    @Module({
      imports: [
        MessagingModule.forRoot({
          service: 'prova',
          ambito: 'CREMA',
          natsUrl: nats.url,
          identity: identityKeysFrom({ ACTOR_TRUSTED_KEYS: identita.ACTOR_TRUSTED_KEYS }),
        }),
      ],
      controllers: [HandlersDiProva],
      providers: [{ provide: RPC_REFUSAL_RECORDER, useClass: Registratore }],
    })
    class ModuloDiProva {}
    app = await NestFactory.createApplicationContext(ModuloDiProva, { logger: false });
    await app.init();
    nc = await connectNats(nats.url, 'rpc-server-test');
    rpc = new RpcClient(nc, 2000, gatewaySignerFrom(identita, { ambito: 'CREMA' }));
  });

  afterAll(async () => {
    await nc?.close();
    await app?.close().catch(() => undefined);
    await nats?.destroy();
  });

  it('runs the handler with the validated request, as an instance of the declared class', async () => {
    const id = randomUUID();
    leggiAccesso = async (request) => {
      expect(request.constructor.name).toBe('LeggiAccessoV1');
      return { id: request.id } as AccessoV1;
    };
    expect(await rpc.request(ACCESSO_RPC.leggiAccesso, { id }, as(operatore))).toEqual({ id });
  });

  it('refuses a request without an actor, and a role the declaration does not admit (recorded)', async () => {
    leggiAccesso = () => Promise.reject(new Error('il gestore non doveva essere chiamato'));
    const id = randomUUID();
    expect(await rifiuto(rpc.request(ACCESSO_RPC.leggiAccesso, { id }, as(undefined)))).toBe(
      'NON_AUTENTICATO',
    );
    expect(identityRefusals.map((r) => [r.declaration.subject, r.error.code])).toEqual([
      ['accesso.accesso.leggi', 'NON_AUTENTICATO'],
    ]);
    expect(await rifiuto(rpc.request(ACCESSO_RPC.leggiAccesso, { id }, as(udp)))).toBe(
      'OPERAZIONE_NON_CONSENTITA',
    );
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toMatchObject({ actor: { userId: 'udp' }, request: { id } });
    expect(refusals[0].declaration.subject).toBe('accesso.accesso.leggi');
  });

  it('answers VALIDAZIONE_FALLITA with the fields in error, for a wrong field or an unknown one', async () => {
    const error = await rpc
      .request(ACCESSO_RPC.leggiAccesso, { id: 'non-un-uuid', extra: 1 } as LeggiAccessoV1, as(operatore))
      .catch((e: unknown) => e as DomainError);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('VALIDAZIONE_FALLITA');
    expect((error as DomainError).details?.map((d) => d.campo).sort()).toEqual(['extra', 'id']);
  });

  it('answers ERRORE_INTERNO for an unexpected failure, without its message', async () => {
    const correlationId = randomUUID();
    const body = new TextEncoder().encode(JSON.stringify({}));
    const headers = (await import('./nats-headers')).contextHeaders({ correlationId, causationId: null });
    const signer = gatewaySignerFrom(identita, { ambito: 'CREMA' });
    headers.set(
      HEADER.actor,
      await signer.sign(operatore, { subject: 'accesso.territorio.leggi', correlationId, body }),
    );
    const msg = await nc.request('accesso.territorio.leggi', body, { timeout: 2000, headers });
    expect(msg.headers?.get(HEADER.esito)).toBe('errore');
    expect(msg.json()).toEqual({ code: 'ERRORE_INTERNO', message: expect.any(String) });
    expect(msg.string()).not.toContain('RSSMRA80A01D142X');
  });

  it('refuses to start when two handlers answer the same subject', async () => {
    @RpcController()
    class Doppione {
      @RpcHandler(ACCESSO_RPC.leggiAccesso)
      leggi(): Promise<AccessoV1> {
        return Promise.reject(new Error('mai'));
      }
    }
    // The server's own discovery over two controllers (what Nest's DiscoveryService hands it).
    const discovery = {
      getControllers: () => [
        { name: 'HandlersDiProva', instance: new HandlersDiProva() },
        { name: 'Doppione', instance: new Doppione() },
      ],
      getProviders: () => [],
    };
    const verifier = new ActorVerifier(identityKeysFrom(identita).trusted!, { ambito: 'CREMA' });
    const server = new RpcServer(
      nc,
      { service: 'doppio', verifier },
      discovery as unknown as DiscoveryService,
      new MetadataScanner(),
      new Reflector(),
      app.get(ModuleRef),
    );
    expect(() => server.onApplicationBootstrap()).toThrow(/accesso.accesso.leggi: gestito due volte/);
    await server.beforeApplicationShutdown();
  });

  it('refuses to serve requests when it has no trusted keys to verify the actor with', async () => {
    const discovery = {
      getControllers: () => [{ name: 'HandlersDiProva', instance: new HandlersDiProva() }],
      getProviders: () => [],
    };
    const server = new RpcServer(
      nc,
      { service: 'senza-chiavi' },
      discovery as unknown as DiscoveryService,
      new MetadataScanner(),
      new Reflector(),
      app.get(ModuleRef),
    );
    expect(() => server.onApplicationBootstrap()).toThrow(/senza-chiavi: ACTOR_TRUSTED_KEYS mancante/);
    await server.beforeApplicationShutdown();
  });

  it('answers the requests in flight when the service stops, and takes no new one', async () => {
    @Module({
      imports: [
        MessagingModule.forRoot({
          service: 'in-chiusura',
          ambito: 'CREMA',
          natsUrl: nats.url,
          identity: identityKeysFrom({ ACTOR_TRUSTED_KEYS: identita.ACTOR_TRUSTED_KEYS }),
        }),
      ],
      controllers: [HandlersDiProva],
    })
    class ModuloInChiusura {}
    await app.close(); // the other tests' replica leaves the queue group
    const replica = await NestFactory.createApplicationContext(ModuloInChiusura, { logger: false });
    const id = randomUUID();
    leggiAccesso = async (request) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      return { id: request.id } as AccessoV1;
    };
    const risposta = rpc.request(ACCESSO_RPC.leggiAccesso, { id }, as(operatore));
    await new Promise((resolve) => setTimeout(resolve, 50)); // the request is being handled
    await replica.close();
    expect(await risposta).toEqual({ id });
    expect(await rifiuto(rpc.request(ACCESSO_RPC.leggiAccesso, { id }, as(operatore)))).toBe(
      'SERVIZIO_NON_DISPONIBILE',
    );
  });
});
