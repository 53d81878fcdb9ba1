import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DataSourceOptions } from 'typeorm';
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
import type { IntegrazioniConfig } from '../config/integrazioni-config';
import { StatoController } from '../stato/stato.controller';
import { StatoRepository } from '../stato/stato.repository';
import { SIUSS_CONTROLLERS, SIUSS_PROVIDERS } from '../siuss/siuss.module';
import { SERVICE } from './service';

@Module({})
export class IntegrazioniModule {
  static forRoot(config: IntegrazioniConfig, dataSource: DataSourceOptions): DynamicModule {
    return {
      module: IntegrazioniModule,
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
      ],
      // The SIUSS feed (lane integrazioni-siuss): siuss/siuss.module.ts.
      controllers: [StatoController, ...SIUSS_CONTROLLERS],
      providers: [
        StatoRepository,
        { provide: RPC_REFUSAL_RECORDER, useClass: RifiutiRpcRecorder },
        ...SIUSS_PROVIDERS,
      ],
    };
  }
}
