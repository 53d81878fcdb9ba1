import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DataSourceOptions } from 'typeorm';
import { MessagingModule } from '@ambito/messaging';
import {
  APP_VERSION,
  HealthModule,
  MetricsModule,
  loggingModule,
  natsAccessoDa,
  retentionOptions,
} from '@ambito/service-runtime';
import type { BudgetConfig } from '../config/budget-config';
import { FondiController } from '../fondi/fondi.controller';
import { FondiService } from '../fondi/fondi.service';
import { ImpegniController } from '../impegni/impegni.controller';
import { ImpegniService } from '../impegni/impegni.service';
import { LineeController } from '../linee/linee.controller';
import { LineeService } from '../linee/linee.service';
import { RegoleFondo } from '../linee/regole-fondo';
import { RegoleController } from '../linee/regole.controller';
import { RegoleService } from '../linee/regole.service';
import { VariazioniController } from '../linee/variazioni.controller';
import { VariazioniService } from '../linee/variazioni.service';
import { QuoteComuniController } from '../quote-comuni/quote-comuni.controller';
import { QuoteComuniService } from '../quote-comuni/quote-comuni.service';
import { SituazioneController } from '../situazione/situazione.controller';
import { SituazioneService } from '../situazione/situazione.service';

export const SERVICE = 'budget';

@Module({})
export class BudgetModule {
  static forRoot(config: BudgetConfig, dataSource: DataSourceOptions): DynamicModule {
    return {
      module: BudgetModule,
      imports: [
        loggingModule({ service: SERVICE, version: APP_VERSION, level: config.LOG_LEVEL }),
        TypeOrmModule.forRoot({ ...dataSource, retryAttempts: 0 }),
        MessagingModule.forRoot({
          service: SERVICE,
          ambito: config.AMBITO_CODICE,
          natsUrl: config.NATS_URL,
          natsAccesso: natsAccessoDa(config),
          outbox: { databaseUrl: config.DATABASE_URL, schema: config.DATABASE_SCHEMA },
          retention: retentionOptions(config),
        }),
        MetricsModule.forRoot(SERVICE, config),
        HealthModule.forRoot({ database: true }),
      ],
      controllers: [
        FondiController,
        LineeController,
        VariazioniController,
        RegoleController,
        ImpegniController,
        SituazioneController,
        QuoteComuniController,
      ],
      providers: [
        FondiService,
        LineeService,
        RegoleFondo,
        VariazioniService,
        RegoleService,
        ImpegniService,
        SituazioneService,
        QuoteComuniService,
      ],
    };
  }
}
