import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DataSourceOptions } from 'typeorm';
import type { TerritorioV1 } from '@ambito/contracts';
import { AuditModule } from '@ambito/audit';
import { MessagingModule } from '@ambito/messaging';
import { APP_VERSION, HealthModule, MetricsModule, loggingModule } from '@ambito/service-runtime';
import { AuditController } from '../audit/audit.controller';
import { RegistroAuditService } from '../audit/registro-audit.service';
import { CartelleController } from '../cartelle/cartelle.controller';
import { CartelleService } from '../cartelle/cartelle.service';
import { CartelleStore } from '../cartelle/cartelle.store';
import { IntakeConsumer } from '../cartelle/intake.consumer';
import type { PresaInCaricoConfig } from '../config/presa-in-carico-config';
import { EquipeController } from '../equipe/equipe.controller';
import { EquipeService } from '../equipe/equipe.service';
import { MonitoraggioController } from '../monitoraggio/monitoraggio.controller';
import { MonitoraggioService, OPZIONI_MONITORAGGIO } from '../monitoraggio/monitoraggio.service';
import { ProgettiController } from '../progetti/progetti.controller';
import { ProgettiService } from '../progetti/progetti.service';
import { StatisticheController } from '../statistiche/statistiche.controller';
import { StatisticheService } from '../statistiche/statistiche.service';
import { TERRITORIO, TerritorioService } from '../territorio/territorio.service';
import { ValutazioniController } from '../valutazioni/valutazioni.controller';
import { ValutazioniService } from '../valutazioni/valutazioni.service';

/** Service name: NATS queue group, stream `EVT_PRESA_IN_CARICO` on `evt.presa-in-carico.>`, logs, metrics. */
export const SERVICE = 'presa-in-carico';

@Module({})
export class PresaInCaricoModule {
  static forRoot(
    config: PresaInCaricoConfig,
    territorio: TerritorioV1,
    dataSource: DataSourceOptions,
  ): DynamicModule {
    return {
      module: PresaInCaricoModule,
      imports: [
        loggingModule({ service: SERVICE, version: APP_VERSION, level: config.LOG_LEVEL }),
        TypeOrmModule.forRoot({ ...dataSource, retryAttempts: 0 }),
        MessagingModule.forRoot({
          service: SERVICE,
          ambito: config.AMBITO_CODICE,
          natsUrl: config.NATS_URL,
          outbox: { databaseUrl: config.DATABASE_URL, schema: config.DATABASE_SCHEMA },
        }),
        MetricsModule.forRoot(SERVICE),
        HealthModule.forRoot({ database: true }),
        AuditModule.forRoot({ soggettoTipo: 'cartella' }),
      ],
      controllers: [
        CartelleController,
        EquipeController,
        ValutazioniController,
        ProgettiController,
        StatisticheController,
        MonitoraggioController,
        AuditController,
      ],
      providers: [
        { provide: TERRITORIO, useValue: territorio },
        TerritorioService,
        RegistroAuditService,
        CartelleStore,
        CartelleService,
        IntakeConsumer,
        EquipeService,
        ValutazioniService,
        ProgettiService,
        StatisticheService,
        MonitoraggioService,
        {
          provide: OPZIONI_MONITORAGGIO,
          useValue: {
            abitantiPerAssistenteSociale: config.LEPS_ABITANTI_PER_AS,
            giorniAvvisoProposta: config.GIORNI_AVVISO_PROPOSTA,
            giorniAvvisoDecisione: config.GIORNI_AVVISO_DECISIONE,
          },
        },
      ],
    };
  }
}
