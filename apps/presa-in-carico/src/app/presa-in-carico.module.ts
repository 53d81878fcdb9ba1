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
import { RichiestaSoddisfattaConsumer } from '../assistenti-familiari/richiesta-soddisfatta.consumer';
import { RichiesteAssistenteController } from '../assistenti-familiari/richieste-assistente.controller';
import { RichiesteAssistenteService } from '../assistenti-familiari/richieste-assistente.service';
import { ADI_PROVIDERS, AdiController } from '../adi/adi.controller';
import { AuditController } from '../audit/audit.controller';
import { RegistroAuditService } from '../audit/registro-audit.service';
import { RifiutiRpcRecorder } from '../audit/rifiuti-rpc.recorder';
import { CartelleStore } from '../cartella/cartelle.store';
import { AccogliPropostaUseCase } from '../cartelle/apertura/accogli-proposta.use-case';
import { ApriCartellaUseCase } from '../cartelle/apertura/apri-cartella.use-case';
import { AssegnaCartellaUseCase } from '../cartelle/assegnazione/assegna-cartella.use-case';
import { AssegnaEquipeCasoUseCase } from '../cartelle/assegnazione/assegna-equipe-caso.use-case';
import { CartelleController } from '../cartelle/cartelle.controller';
import { ChiudiCartellaUseCase } from '../cartelle/chiusura/chiudi-cartella.use-case';
import { AnnotaDiarioUseCase, LeggiDiarioQuery } from '../cartelle/diario/diario.use-cases';
import { IntakeConsumer } from '../cartelle/intake.consumer';
import { ResidenzaConsumer } from '../cartelle/trasferimento/residenza.consumer';
import { ElencaCartelleQuery, LeggiCartellaQuery } from '../cartelle/lettura/cartelle.queries';
import { PerSiussQuery } from '../cartelle/lettura/per-siuss.query';
import { StatoPerMisureQuery } from '../cartelle/lettura/stato-per-misure.query';
import { AggiornaNucleoUseCase } from '../cartelle/nucleo/aggiorna-nucleo.use-case';
import { TrasferisciCartellaUseCase } from '../cartelle/trasferimento/trasferisci-cartella.use-case';
import type { PresaInCaricoConfig } from '../config/presa-in-carico-config';
import { EquipeController } from '../equipe/equipe.controller';
import { EquipeService } from '../equipe/equipe.service';
import { InterventiMisureConsumers } from '../interventi-misure/interventi-misure.consumers';
import { LepsController } from '../leps/leps.controller';
import { LepsService } from '../leps/leps.service';
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
          natsAccesso: natsAccessoDa(config),
          outbox: { databaseUrl: config.DATABASE_URL, schema: config.DATABASE_SCHEMA },
          identity: identityKeysFrom(config, SERVICE),
          idempotency: { ttlMs: config.IDEMPOTENCY_TTL_HOURS * 3_600_000 },
          retention: retentionOptions(config),
        }),
        MetricsModule.forRoot(SERVICE, config),
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
        LepsController,
        AuditController,
        RichiesteAssistenteController,
        AdiController,
      ],
      providers: [
        { provide: TERRITORIO, useValue: territorio },
        TerritorioService,
        RegistroAuditService,
        { provide: RPC_REFUSAL_RECORDER, useClass: RifiutiRpcRecorder },
        CartelleStore,
        AccogliPropostaUseCase,
        ApriCartellaUseCase,
        AssegnaCartellaUseCase,
        AssegnaEquipeCasoUseCase,
        AggiornaNucleoUseCase,
        ChiudiCartellaUseCase,
        TrasferisciCartellaUseCase,
        LeggiCartellaQuery,
        ElencaCartelleQuery,
        StatoPerMisureQuery,
        PerSiussQuery,
        AnnotaDiarioUseCase,
        LeggiDiarioQuery,
        IntakeConsumer,
        ResidenzaConsumer,
        InterventiMisureConsumers,
        EquipeService,
        ValutazioniService,
        ProgettiService,
        StatisticheService,
        MonitoraggioService,
        LepsService,
        RichiesteAssistenteService,
        RichiestaSoddisfattaConsumer,
        ...ADI_PROVIDERS,
        { provide: SOGLIA_PERSONE, useValue: config.STATISTICHE_SOGLIA_PERSONE },
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
