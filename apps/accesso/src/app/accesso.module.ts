import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DataSourceOptions } from 'typeorm';
import type { TerritorioV1 } from '@ambito/contracts';
import { AuditModule, SOGLIA_PERSONE } from '@ambito/audit';
import { MessagingModule, RPC_REFUSAL_RECORDER, identityKeysFrom } from '@ambito/messaging';
import {
  APP_VERSION,
  HealthModule,
  MetricsModule,
  loggingModule,
  natsAccessoDa,
  retentionOptions,
} from '@ambito/service-runtime';
import { AccessiController } from '../accessi/accessi.controller';
import { AccessiGate } from '../accessi/accessi.gate';
import { AccessiRepository } from '../accessi/accessi.repository';
import { ChiudiAccessoUseCase } from '../accessi/chiusura/chiudi-accesso.use-case';
import { ElencaAccessiQuery, LeggiAccessoQuery } from '../accessi/lettura/accessi.queries';
import { LeggiPropostaQuery } from '../accessi/lettura/proposta.query';
import { AggiornaAccessoUseCase } from '../accessi/modifica/aggiorna-accesso.use-case';
import { AnnotaAccessoUseCase } from '../accessi/modifica/annota-accesso.use-case';
import { RegistraAccessoUseCase } from '../accessi/registrazione/registra-accesso.use-case';
import { RegistrazioneRepository } from '../accessi/registrazione/registrazione.repository';
import { AuditController } from '../audit/audit.controller';
import { RegistroAuditService } from '../audit/registro-audit.service';
import { RifiutiRpcRecorder } from '../audit/rifiuti-rpc.recorder';
import type { AccessoConfig } from '../config/accesso-config';
import { CercaPersoneQuery, LeggiPersonaQuery } from '../persone/lettura/persone.queries';
import { LeggiPersonaPerMisureQuery } from '../persone/lettura/persona-per-misure.query';
import { CercaPersonePerIntegrazioniQuery } from '../persone/lettura/persone-per-integrazioni.query';
import { LeggiPersonaPerIseeQuery } from '../persone/lettura/persona-per-isee.query';
import { LetturaPersonaPerServizio } from '../persone/lettura/persona-per-servizio.lettura';
import { LeggiPersonaPerSiussQuery } from '../persone/lettura/persona-per-siuss.query';
import { PersoneController } from '../persone/persone.controller';
import { PersoneRepository } from '../persone/persone.repository';
import { RegistraPersonaUseCase } from '../persone/registrazione/registra-persona.use-case';
import { RicoveriUseCase } from '../persone/ricoveri/ricoveri.use-case';
import { AggiornaPersonaUseCase } from '../persone/modifica/aggiorna-persona.use-case';
import { ContatoriRepository } from '../statistiche/contatori.repository';
import { ContatoriService } from '../statistiche/contatori.service';
import { StatisticheController } from '../statistiche/statistiche.controller';
import { TerritorioController } from '../territorio/territorio.controller';
import { TERRITORIO, TerritorioService } from '../territorio/territorio.service';

export const SERVICE = 'accesso';

@Module({})
export class AccessoModule {
  static forRoot(
    config: AccessoConfig,
    territorio: TerritorioV1,
    dataSource: DataSourceOptions,
  ): DynamicModule {
    return {
      module: AccessoModule,
      imports: [
        loggingModule({ service: SERVICE, version: APP_VERSION, level: config.LOG_LEVEL }),
        TypeOrmModule.forRoot({ ...dataSource, retryAttempts: 0 }),
        MessagingModule.forRoot({
          service: SERVICE,
          ambito: config.AMBITO_CODICE,
          natsUrl: config.NATS_URL,
          natsAccesso: natsAccessoDa(config),
          outbox: { databaseUrl: config.DATABASE_URL, schema: config.DATABASE_SCHEMA },
          identity: identityKeysFrom(config),
          idempotency: { ttlMs: config.IDEMPOTENCY_TTL_HOURS * 3_600_000 },
          retention: retentionOptions(config),
        }),
        MetricsModule.forRoot(SERVICE, config),
        HealthModule.forRoot({ database: true }),
        AuditModule.forRoot({ soggettoTipo: 'persona' }),
      ],
      controllers: [
        TerritorioController,
        PersoneController,
        AccessiController,
        StatisticheController,
        AuditController,
      ],
      providers: [
        { provide: TERRITORIO, useValue: territorio },
        TerritorioService,
        PersoneRepository,
        RegistraPersonaUseCase,
        AggiornaPersonaUseCase,
        RicoveriUseCase,
        LeggiPersonaQuery,
        LeggiPersonaPerMisureQuery,
        CercaPersonePerIntegrazioniQuery,
        LeggiPersonaPerIseeQuery,
        LetturaPersonaPerServizio,
        LeggiPersonaPerSiussQuery,
        CercaPersoneQuery,
        AccessiRepository,
        AccessiGate,
        RegistraAccessoUseCase,
        RegistrazioneRepository,
        AggiornaAccessoUseCase,
        ChiudiAccessoUseCase,
        AnnotaAccessoUseCase,
        LeggiAccessoQuery,
        LeggiPropostaQuery,
        ElencaAccessiQuery,
        ContatoriRepository,
        ContatoriService,
        { provide: SOGLIA_PERSONE, useValue: config.STATISTICHE_SOGLIA_PERSONE },
        RegistroAuditService,
        { provide: RPC_REFUSAL_RECORDER, useClass: RifiutiRpcRecorder },
      ],
    };
  }
}
