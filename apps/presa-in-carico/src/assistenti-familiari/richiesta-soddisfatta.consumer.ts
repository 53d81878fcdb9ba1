import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  ASSISTENTI_FAMILIARI_EVENTS,
  PRESA_IN_CARICO_CONSUMI,
  type EventEnvelope,
  type RichiestaSoddisfattaV1,
} from '@ambito/contracts';
import { OnEvent, handleOnce } from '@ambito/messaging';
import { segnaSoddisfatta } from './richieste-assistente.sql';

export const RICHIESTA_SODDISFATTA_DURABLE = PRESA_IN_CARICO_CONSUMI.richiestaSoddisfatta.durable;

/**
 * The sportello registered the contract that satisfies a richiesta: when the richiesta came from a
 * cartella, the cartella shows the outcome (contract and when). A richiesta registered at the sportello
 * is none of ours: nothing happens. Idempotent: the inbox row commits with the effect.
 */
@Injectable()
export class RichiestaSoddisfattaConsumer {
  private readonly logger = new Logger(RichiestaSoddisfattaConsumer.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @OnEvent(ASSISTENTI_FAMILIARI_EVENTS.richiestaSoddisfatta, { durable: RICHIESTA_SODDISFATTA_DURABLE })
  async handle(
    envelope: EventEnvelope<'assistenti-familiari.richiesta.soddisfatta', RichiestaSoddisfattaV1>,
  ): Promise<void> {
    const { richiestaId, contrattoId } = envelope.payload;
    const handled = await handleOnce(
      this.dataSource,
      RICHIESTA_SODDISFATTA_DURABLE,
      envelope,
      async (manager) => {
        const cartellaId = await segnaSoddisfatta(manager, richiestaId, contrattoId, envelope.occurredAt);
        if (!cartellaId)
          this.logger.log({ richiestaId }, 'richiesta non proposta da una cartella: nessun effetto');
      },
    );
    if (!handled) this.logger.log({ eventId: envelope.id }, 'evento già elaborato: ignorato');
  }
}
