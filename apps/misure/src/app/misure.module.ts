import { Module, type DynamicModule, type Provider } from '@nestjs/common';
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
import { FontiModule } from '../fonti/fonti.module';
import { RiesameConsumers } from '../fonti/riesame.consumers';
import type { MisureConfig } from '../config/misure-config';
import { RegoleModule } from '../regole/regole.module';
import { StatoController } from '../stato/stato.controller';
import { StatoRepository } from '../stato/stato.repository';
import { SERVICE } from './service';

/** What a test (or, until it lands, the istanze feature) plugs into the service. */
export interface OpzioniMisure {
  /**
   * The provider of RIESAME_ISTRUTTORIE: with it, the consumers of the other services' events re-run
   * the person's istruttorie (RiesameConsumers); without it they are not started.
   */
  riesame?: Provider;
}

@Module({})
export class MisureModule {
  static forRoot(
    config: MisureConfig,
    dataSource: DataSourceOptions,
    opzioni: OpzioniMisure = {},
  ): DynamicModule {
    const messaging = MessagingModule.forRoot({
      service: SERVICE,
      ambito: config.AMBITO_CODICE,
      natsUrl: config.NATS_URL,
      natsAccesso: natsAccessoDa(config),
      outbox: { databaseUrl: config.DATABASE_URL, schema: config.DATABASE_SCHEMA },
      identity: identityKeysFrom(config, SERVICE),
      idempotency: { ttlMs: config.IDEMPOTENCY_TTL_HOURS * 3_600_000 },
      retention: retentionOptions(config),
    });
    return {
      module: MisureModule,
      imports: [
        loggingModule({ service: SERVICE, version: APP_VERSION, level: config.LOG_LEVEL }),
        TypeOrmModule.forRoot({ ...dataSource, retryAttempts: 0 }),
        messaging,
        // FONTI_ISTANZA for every module: the persona and the presa in carico of an istanza.
        FontiModule.forRoot(messaging),
        MetricsModule.forRoot(SERVICE, config),
        HealthModule.forRoot({ database: true }),
        // The kind of data subject of the audit rows: change it to what the service keeps (persona, cartella…).
        AuditModule.forRoot({ soggettoTipo: 'persona' }),
        // Rule sets of the measures (global: RegoleRepository for the other features).
        RegoleModule.forRoot(config.AMBITO_CODICE),
      ],
      controllers: [StatoController],
      providers: [
        StatoRepository,
        { provide: RPC_REFUSAL_RECORDER, useClass: RifiutiRpcRecorder },
        ...(opzioni.riesame ? [opzioni.riesame, RiesameConsumers] : []),
      ],
    };
  }
}
