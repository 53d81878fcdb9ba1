import { Injectable } from '@nestjs/common';
import {
  ASSISTENTI_FAMILIARI_EVENTS,
  MISURE_CONSUMI,
  type ContrattoRegistratoV1,
  type EsitoBonusRegistratoV1,
  type EventEnvelope,
} from '@ambito/contracts';
import { OnEvent } from '@ambito/messaging';
import { CumuloAssistente } from './cumulo.service';

/**
 * assistenti-familiari's events that feed the cumulation per assistant (rule 10), each on its own
 * durable and once per event (inbox): the contracts registered at the sportello (their wage cost is the
 * cap) and the Bonus granted (it counts for its months). The operator's `misure.cumulo.contratto.registra`
 * stays for the contracts not registered at a sportello.
 */
@Injectable()
export class CumuloConsumers {
  constructor(private readonly cumulo: CumuloAssistente) {}

  @OnEvent(ASSISTENTI_FAMILIARI_EVENTS.contrattoRegistrato, {
    durable: MISURE_CONSUMI.contrattoAssistente.durable,
  })
  contratto(
    envelope: EventEnvelope<'assistenti-familiari.contratto.registrato', ContrattoRegistratoV1>,
  ): Promise<void> {
    return this.cumulo.contrattoRegistrato(MISURE_CONSUMI.contrattoAssistente.durable, envelope);
  }

  @OnEvent(ASSISTENTI_FAMILIARI_EVENTS.esitoBonusRegistrato, {
    durable: MISURE_CONSUMI.bonusAssistente.durable,
  })
  bonus(
    envelope: EventEnvelope<'assistenti-familiari.bonus.esito-registrato', EsitoBonusRegistratoV1>,
  ): Promise<void> {
    return this.cumulo.bonusRegistrato(MISURE_CONSUMI.bonusAssistente.durable, envelope);
  }
}
