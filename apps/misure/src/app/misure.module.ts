import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DataSourceOptions } from 'typeorm';
import type { TerritorioV1 } from '@ambito/contracts';
import { AuditModule } from '@ambito/audit';
import { MessagingModule, RPC_REFUSAL_RECORDER, identityKeysFrom } from '@ambito/messaging';
import {
  APP_VERSION,
  HealthModule,
  MetricsModule,
  loggingModule,
  natsAccessoDa,
  retentionOptions,
} from '@ambito/service-runtime';
import { RifiutiRpcRecorder } from '../audit/rifiuti-rpc.recorder';
import type { MisureConfig } from '../config/misure-config';
import { GRADUATORIE_CONTROLLERS, GRADUATORIE_PROVIDERS } from '../graduatorie/graduatorie.providers';
import { SIMULAZIONE_CONTROLLERS, SIMULAZIONE_PROVIDERS } from '../simulazione/simulazione.providers';
import { ISTANZE_CONTROLLERS, istanzeProviders } from '../istanze/istanze.providers';
import { RegoleModule } from '../regole/regole.module';
import { StatoController } from '../stato/stato.controller';
import { StatoRepository } from '../stato/stato.repository';
import { SERVICE } from './service';

@Module({})
export class MisureModule {
  /** `sostituzioni`: providers added last (the last for a token wins), for the test harness only. */
  static forRoot(
    config: MisureConfig,
    dataSource: DataSourceOptions,
    territorio: TerritorioV1,
    sostituzioni: Provider[] = [],
  ): DynamicModule {
    return {
      module: MisureModule,
      imports: [
        loggingModule({ service: SERVICE, version: APP_VERSION, level: config.LOG_LEVEL }),
        TypeOrmModule.forRoot({ ...dataSource, retryAttempts: 0 }),
        MessagingModule.forRoot({
          service: SERVICE,
          ambito: config.AMBITO_CODICE,
          natsUrl: config.NATS_URL,
          natsAccesso: natsAccessoDa(config),
          outbox: { databaseUrl: config.DATABASE_URL, schema: config.DATABASE_SCHEMA },
          identity: identityKeysFrom(config, SERVICE),
          idempotency: { ttlMs: config.IDEMPOTENCY_TTL_HOURS * 3_600_000 },
          retention: retentionOptions(config),
        }),
        MetricsModule.forRoot(SERVICE, config),
        HealthModule.forRoot({ database: true }),
        // The kind of data subject of the audit rows: change it to what the service keeps (persona, cartella…).
        AuditModule.forRoot({ soggettoTipo: 'persona' }),
        // Rule sets of the measures (global: RegoleRepository for the other features).
        RegoleModule.forRoot(config.AMBITO_CODICE),
      ],
      controllers: [
        StatoController,
        ...ISTANZE_CONTROLLERS,
        ...GRADUATORIE_CONTROLLERS,
        ...SIMULAZIONE_CONTROLLERS,
      ],
      providers: [
        StatoRepository,
        { provide: RPC_REFUSAL_RECORDER, useClass: RifiutiRpcRecorder },
        ...istanzeProviders({
          ambito: config.AMBITO_CODICE,
          territorio,
          istruttoriaEquipe: config.ISTRUTTORIA_EQUIPE === 'si',
        }),
        ...sostituzioni,
        ...GRADUATORIE_PROVIDERS,
        ...SIMULAZIONE_PROVIDERS,
      ],
    };
  }
}
