import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { MessagingModule, identityKeysFrom } from '@ambito/messaging';
import {
  APP_VERSION,
  HealthModule,
  MetricsModule,
  loggingModule,
  natsAccessoDa,
} from '@ambito/service-runtime';
import { AuthModule } from '../auth/auth.module';
import type { GatewayConfig } from '../config/gateway-config';
import { RequestContextInterceptor } from '../context/request-context.interceptor';
import { ProblemFilter } from '../problem/problem.filter';
import { RoutesModule } from '../routes/routes.module';
import { StatusController } from '../status/status.controller';
import { PdndTokenVerifier } from '../waas/pdnd-token.verifier';
import { PDND_VERIFIER, WaasController } from '../waas/waas.controller';
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
          natsAccesso: natsAccessoDa(config),
          rpcTimeoutMs: config.RPC_TIMEOUT_MS,
          identity: identityKeysFrom(config),
        }),
        MetricsModule.forRoot('gateway', config),
        HealthModule.forRoot({ database: false }),
        AuthModule.forRoot(config),
        RoutesModule,
      ],
      // The WaaS API for INPS (SIUSS feed, lane integrazioni-siuss): off without PDND_AUDIENCE.
      controllers: [StatusController, WaasController],
      providers: [
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_INTERCEPTOR, useClass: RequestContextInterceptor },
        {
          provide: PDND_VERIFIER,
          useFactory: () =>
            config.PDND_AUDIENCE
              ? new PdndTokenVerifier({
                  audience: config.PDND_AUDIENCE,
                  jwksFile: config.PDND_JWKS_FILE,
                  jwksUrl: config.PDND_JWKS_URL,
                  issuer: config.PDND_ISSUER,
                  ambito: config.AMBITO_CODICE,
                })
              : null,
        },
      ],
    };
  }
}
