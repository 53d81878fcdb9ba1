import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Provider } from '@nestjs/common';
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
import { GEPI_PROVIDERS, GepiController } from '../gepi/gepi.controller';
import { StatoController } from '../stato/stato.controller';
import { StatoRepository } from '../stato/stato.repository';
import { ISEE_CONTROLLERS, iseeProviders } from '../isee/isee.providers';
import { SIUSS_CONTROLLERS, SIUSS_PROVIDERS } from '../siuss/siuss.module';
import { SERVICE } from './service';

/** What a test may change in the module (stand-ins of outside systems, shorter timings). */
export interface OpzioniIntegrazioni {
  /** Providers added last (the last for a token wins). */
  providers?: Provider[];
}

@Module({})
export class IntegrazioniModule {
  static forRoot(
    config: IntegrazioniConfig,
    dataSource: DataSourceOptions,
    opzioni: OpzioniIntegrazioni = {},
  ): DynamicModule {
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
        // The data subject of the audit rows: the persona whose data is sent or consulted.
        AuditModule.forRoot({ soggettoTipo: 'persona' }),
      ],
      // One entry per adapter (its feature folder exports its controllers and providers): append yours.
      controllers: [
        StatoController,
        // INPS ISEE through PDND (src/isee, src/pdnd, src/chiamate-esterne)
        ...ISEE_CONTROLLERS,
        // The SIUSS feed (src/siuss)
        ...SIUSS_CONTROLLERS,
        // GePI (src/gepi)
        GepiController,
      ],
      providers: [
        StatoRepository,
        { provide: RPC_REFUSAL_RECORDER, useClass: RifiutiRpcRecorder },
        ...iseeProviders(config),
        ...SIUSS_PROVIDERS,
        ...GEPI_PROVIDERS,
        ...(opzioni.providers ?? []),
      ],
    };
  }
}
