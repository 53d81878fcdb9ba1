import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import {
  ASSISTENTI_FAMILIARI_RPC,
  DomainError,
  type LeggiRequisitiV1,
  type PubblicaRequisitiV1,
  type RequisitiIscrizioneV1,
} from '@ambito/contracts';
import { RpcController, RpcHandler, currentActor } from '@ambito/messaging';
import { CONTESTO_REGISTRO, type ContestoRegistro } from '../sportelli/contesto';
import { FONTI_PREDEFINITE, PARAMETRI_PREDEFINITI, VALIDITA_PREDEFINITA } from './predefiniti';
import {
  bloccaRequisiti,
  chiudiVersioniAperte,
  inserisciRequisiti,
  requisitiInVigore,
  ultimaVersione,
} from './requisiti.sql';

/**
 * The requirements of the registro as versioned data: the version in force on a day, a new version from
 * a day (the previous one ends the day before), and the defaults installed at the first start.
 */
@Injectable()
export class RequisitiService implements OnApplicationBootstrap {
  private readonly log = new Logger(RequisitiService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CONTESTO_REGISTRO) private readonly contesto: ContestoRegistro,
  ) {}

  /** Idempotent at every start and across replicas (the registro's lock); never over existing versions. */
  async onApplicationBootstrap(): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await bloccaRequisiti(manager, this.contesto.registro);
      if (await ultimaVersione(manager, this.contesto.registro)) return;
      await inserisciRequisiti(manager, {
        id: randomUUID(),
        registro: this.contesto.registro,
        versione: 1,
        validoDal: VALIDITA_PREDEFINITA,
        fonti: FONTI_PREDEFINITE,
        parametri: PARAMETRI_PREDEFINITI,
        creataDa: 'sistema',
      });
      this.log.log(`Requisiti predefiniti installati per il registro ${this.contesto.registro}`);
    });
  }

  async inVigore(manager: EntityManager, giorno: string): Promise<RequisitiIscrizioneV1> {
    const requisiti = await requisitiInVigore(manager, this.contesto.registro, giorno);
    if (!requisiti)
      throw new DomainError(
        'REGOLE_NON_IN_VIGORE',
        `Nessuna versione dei requisiti d’iscrizione in vigore il ${giorno}.`,
      );
    return requisiti;
  }

  leggi(giorno?: string): Promise<RequisitiIscrizioneV1> {
    return this.inVigore(this.dataSource.manager, giorno ?? this.contesto.oggi());
  }

  async pubblica(dto: PubblicaRequisitiV1): Promise<RequisitiIscrizioneV1> {
    const actor = currentActor();
    const { registro } = this.contesto;
    return this.dataSource.transaction(async (manager) => {
      await bloccaRequisiti(manager, registro);
      const ultima = await ultimaVersione(manager, registro);
      if (ultima && dto.validoDal <= ultima.valido_dal)
        throw new DomainError(
          'REGOLE_SOVRAPPOSTE',
          `La nuova versione deve valere dopo il ${ultima.valido_dal}, inizio della versione ${ultima.versione}.`,
          [{ campo: 'validoDal', messaggi: [`successivo al ${ultima.valido_dal}`] }],
        );
      await chiudiVersioniAperte(manager, registro, dto.validoDal);
      const nuova = {
        id: randomUUID(),
        registro,
        versione: (ultima?.versione ?? 0) + 1,
        validoDal: dto.validoDal,
        fonti: dto.fonti,
        parametri: dto.parametri,
        creataDa: actor.userId,
      };
      await inserisciRequisiti(manager, nuova);
      return { ...nuova, validoAl: null };
    });
  }
}

@RpcController()
export class RequisitiController {
  constructor(private readonly requisiti: RequisitiService) {}

  @RpcHandler(ASSISTENTI_FAMILIARI_RPC.leggiRequisiti)
  leggi(dto: LeggiRequisitiV1): Promise<RequisitiIscrizioneV1> {
    return this.requisiti.leggi(dto.giorno);
  }

  @RpcHandler(ASSISTENTI_FAMILIARI_RPC.pubblicaRequisiti)
  pubblica(dto: PubblicaRequisitiV1): Promise<RequisitiIscrizioneV1> {
    return this.requisiti.pubblica(dto);
  }
}
