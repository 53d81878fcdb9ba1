import { Module, type DynamicModule, type Provider } from '@nestjs/common';
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
import { FontiModule } from '../fonti/fonti.module';
import { RiesameConsumers } from '../fonti/riesame.consumers';
import type { MisureConfig } from '../config/misure-config';
import {
  GRADUATORIE_CONTROLLERS,
  GRADUATORIE_PROVIDERS,
  IMPEGNI_PER_LOTTO,
} from '../graduatorie/graduatorie.providers';
import { BENEFICI_CONTROLLERS, beneficiProviders } from '../benefici/benefici.providers';
import { LIQUIDAZIONI_CONTROLLERS, liquidazioniProviders } from '../liquidazioni/liquidazioni.providers';
import { SIMULAZIONE_CONTROLLERS, SIMULAZIONE_PROVIDERS } from '../simulazione/simulazione.providers';
import { CONTI_CONTROLLERS, CONTI_PROVIDERS } from '../rendiconti/conti.providers';
import { ISTANZE_CONTROLLERS, istanzeProviders } from '../istanze/istanze.providers';
import { RegoleModule } from '../regole/regole.module';
import { StatoController } from '../stato/stato.controller';
import { StatoRepository } from '../stato/stato.repository';
import { SERVICE } from './service';

/** What a test plugs into the service (main.ts gives nothing). */
export interface OpzioniMisure {
  /**
   * Another provider of RIESAME_ISTRUTTORIE than the istruttoria's own (IstruttoriaService): a test
   * records what the consumers of the other services' events ask.
   */
  riesame?: Provider;
  /** Providers added last (the last for a token wins): test stand-ins, e.g. of FONTI_ISTANZA. */
  providers?: Provider[];
}

@Module({})
export class MisureModule {
  static forRoot(
    config: MisureConfig,
    dataSource: DataSourceOptions,
    territorio: TerritorioV1,
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
      controllers: [
        StatoController,
        ...ISTANZE_CONTROLLERS,
        ...GRADUATORIE_CONTROLLERS,
        ...SIMULAZIONE_CONTROLLERS,
        ...BENEFICI_CONTROLLERS,
        ...LIQUIDAZIONI_CONTROLLERS,
        ...CONTI_CONTROLLERS,
      ],
      providers: [
        StatoRepository,
        { provide: RPC_REFUSAL_RECORDER, useClass: RifiutiRpcRecorder },
        ...istanzeProviders({
          ambito: config.AMBITO_CODICE,
          territorio,
          istruttoriaEquipe: config.ISTRUTTORIA_EQUIPE === 'si',
          paginaIstruttoriaAvviso: config.ISTRUTTORIA_AVVISO_PAGINA,
        }),
        // The consumers of accesso's and presa in carico's events re-run istruttorie through it.
        RiesameConsumers,
        ...GRADUATORIE_PROVIDERS,
        { provide: IMPEGNI_PER_LOTTO, useValue: config.IMPEGNI_PER_LOTTO },
        ...SIMULAZIONE_PROVIDERS,
        // Benefici and the monthly run (issue 10).
        ...beneficiProviders({ paginaErogazioni: config.EROGAZIONI_PAGINA }),
        ...liquidazioniProviders(config.LIQUIDAZIONI_PER_LOTTO),
        ...CONTI_PROVIDERS,
        ...(opzioni.riesame ? [opzioni.riesame] : []),
        ...(opzioni.providers ?? []),
      ],
    };
  }
}
