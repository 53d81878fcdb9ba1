import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { MessagingModule } from '@ambito/messaging';
import { APP_VERSION, HealthModule, MetricsModule, loggingModule } from '@ambito/service-runtime';
import { AccessiModule } from '../accessi/accessi.module';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { BudgetModule } from '../budget/budget.module';
import { CartelleModule } from '../cartelle/cartelle.module';
import type { GatewayConfig } from '../config/gateway-config';
import { RequestContextInterceptor } from '../context/request-context.interceptor';
import { PersoneModule } from '../persone/persone.module';
import { ProblemFilter } from '../problem/problem.filter';
import { StatisticheModule } from '../statistiche/statistiche.module';
import { TerritorioModule } from '../territorio/territorio.module';
import { markSharedControllersPublic } from './public-controllers';

@Module({})
export class AppModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    markSharedControllersPublic();
    return {
      module: AppModule,
      imports: [
        loggingModule({ service: 'gateway', version: APP_VERSION, level: config.LOG_LEVEL }),
        MessagingModule.forRoot({
          service: 'gateway',
          ambito: config.AMBITO_CODICE,
          natsUrl: config.NATS_URL,
          rpcTimeoutMs: config.RPC_TIMEOUT_MS,
        }),
        MetricsModule.forRoot('gateway'),
        HealthModule.forRoot({ database: false }),
        AuthModule.forRoot(config),
        TerritorioModule,
        PersoneModule,
        AccessiModule,
        CartelleModule,
        StatisticheModule,
        AuditModule,
        BudgetModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_INTERCEPTOR, useClass: RequestContextInterceptor },
      ],
    };
  }
}
