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
import type { BudgetConfig } from '../config/budget-config';
import { AbilitazioniController } from '../abilitazioni/abilitazioni.controller';
import { Abilitazioni } from '../abilitazioni/abilitazioni.service';
import { FondiController } from '../fondi/fondi.controller';
import { FondiService } from '../fondi/fondi.service';
import { CofinanziamentoController } from '../impegni/cofinanziamento.controller';
import { CofinanziamentoService } from '../impegni/cofinanziamento.service';
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
import { RifiutiRpcRecorder } from '../audit/rifiuti-rpc.recorder';

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
          identity: identityKeysFrom(config),
          idempotency: { ttlMs: config.IDEMPOTENCY_TTL_HOURS * 3_600_000 },
          retention: retentionOptions(config),
        }),
        MetricsModule.forRoot(SERVICE, config),
        HealthModule.forRoot({ database: true }),
        AuditModule.forRoot({ soggettoTipo: 'impegno' }),
      ],
      controllers: [
        FondiController,
        LineeController,
        VariazioniController,
        RegoleController,
        ImpegniController,
        CofinanziamentoController,
        SituazioneController,
        QuoteComuniController,
        AbilitazioniController,
      ],
      providers: [
        FondiService,
        LineeService,
        RegoleFondo,
        VariazioniService,
        RegoleService,
        ImpegniService,
        CofinanziamentoService,
        SituazioneService,
        QuoteComuniService,
        Abilitazioni,
        { provide: RPC_REFUSAL_RECORDER, useClass: RifiutiRpcRecorder },
      ],
    };
  }
}
