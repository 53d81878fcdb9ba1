import { giornoInItalia } from '@ambito/kernel';
import { Module, type DynamicModule } from '@nestjs/common';
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
import type { AssistentiFamiliariConfig } from '../config/assistenti-familiari-config';
import { CandidatureController } from '../candidature/candidature.controller';
import { CandidatureService } from '../candidature/candidature.service';
import { RegistroPubblicoController } from '../pubblico/registro-pubblico.controller';
import { RegistroPubblicoService } from '../pubblico/registro-pubblico.service';
import { RegistroController } from '../registro/registro.controller';
import { RegistroService } from '../registro/registro.service';
import { INTERVALLO_RIVERIFICA, RiverificaService } from '../registro/riverifica.service';
import { RequisitiController, RequisitiService } from '../requisiti/requisiti.service';
import { CONTESTO_REGISTRO, type ContestoRegistro } from '../sportelli/contesto';
import { SPORTELLO_CONTROLLERS, sportelloProviders } from '../sportello/sportello.providers';
import { StatoController } from '../stato/stato.controller';
import { StatoRepository } from '../stato/stato.repository';
import { SERVICE } from './service';

/** What tests change: the clock of the registro (today, AAAA-MM-GG). */
export interface OpzioniAssistentiFamiliari {
  oggi?: () => string;
}

@Module({})
export class AssistentiFamiliariModule {
  static forRoot(
    config: AssistentiFamiliariConfig,
    dataSource: DataSourceOptions,
    territorio: TerritorioV1,
    opzioni: OpzioniAssistentiFamiliari = {},
  ): DynamicModule {
    const contesto: ContestoRegistro = {
      registro: config.AMBITO_CODICE,
      territorio,
      oggi: opzioni.oggi ?? (() => giornoInItalia()),
    };
    return {
      module: AssistentiFamiliariModule,
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
        // The data subjects of the audit rows: the assistenti familiari of the registro.
        AuditModule.forRoot({ soggettoTipo: 'assistente' }),
      ],
      controllers: [
        StatoController,
        RequisitiController,
        CandidatureController,
        RegistroController,
        RegistroPubblicoController,
        ...SPORTELLO_CONTROLLERS,
      ],
      providers: [
        StatoRepository,
        { provide: RPC_REFUSAL_RECORDER, useClass: RifiutiRpcRecorder },
        { provide: CONTESTO_REGISTRO, useValue: contesto },
        { provide: INTERVALLO_RIVERIFICA, useValue: config.RIVERIFICA_INTERVALLO_MINUTI },
        RequisitiService,
        CandidatureService,
        RegistroService,
        RiverificaService,
        RegistroPubblicoService,
        ...sportelloProviders(config.AMBITO_CODICE, territorio),
      ],
    };
  }
}
