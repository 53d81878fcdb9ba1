import { Injectable } from '@nestjs/common';
import {
  INTEGRAZIONI_SIUSS_CONSUMI,
  MISURE_EVENTS,
  PRESA_IN_CARICO_EVENTS,
  type BeneficioConcessoV1,
  type BeneficioTerminatoV1,
  type ErogazioneLiquidataV1,
  type EventEnvelope,
  type ProgettoDecisioneV1,
  type ValutazioneCompletataV1,
} from '@ambito/contracts';
import { OnEvent } from '@ambito/messaging';
import { SiussService } from './siuss.service';

/** The misure and presa in carico events that make and correct SIUSS records, each on its own durable, once per event. */
@Injectable()
export class SiussConsumers {
  constructor(private readonly siuss: SiussService) {}

  @OnEvent(MISURE_EVENTS.beneficioConcesso, { durable: INTEGRAZIONI_SIUSS_CONSUMI.beneficioConcesso.durable })
  concesso(envelope: EventEnvelope<'misure.beneficio.concesso', BeneficioConcessoV1>): Promise<void> {
    return this.siuss.concesso(INTEGRAZIONI_SIUSS_CONSUMI.beneficioConcesso.durable, envelope);
  }

  @OnEvent(MISURE_EVENTS.erogazioneLiquidata, {
    durable: INTEGRAZIONI_SIUSS_CONSUMI.erogazioneLiquidata.durable,
  })
  liquidata(envelope: EventEnvelope<'misure.erogazione.liquidata', ErogazioneLiquidataV1>): Promise<void> {
    const d = INTEGRAZIONI_SIUSS_CONSUMI.erogazioneLiquidata.durable;
    return this.siuss.aggiorna(d, envelope, envelope.payload.beneficioId);
  }

  @OnEvent(MISURE_EVENTS.beneficioRevocato, { durable: INTEGRAZIONI_SIUSS_CONSUMI.beneficioRevocato.durable })
  revocato(envelope: EventEnvelope<'misure.beneficio.revocato', BeneficioTerminatoV1>): Promise<void> {
    const d = INTEGRAZIONI_SIUSS_CONSUMI.beneficioRevocato.durable;
    return this.siuss.aggiorna(d, envelope, envelope.payload.beneficioId);
  }

  @OnEvent(MISURE_EVENTS.beneficioCessato, { durable: INTEGRAZIONI_SIUSS_CONSUMI.beneficioCessato.durable })
  cessato(envelope: EventEnvelope<'misure.beneficio.cessato', BeneficioTerminatoV1>): Promise<void> {
    const d = INTEGRAZIONI_SIUSS_CONSUMI.beneficioCessato.durable;
    return this.siuss.aggiorna(d, envelope, envelope.payload.beneficioId);
  }

  @OnEvent(PRESA_IN_CARICO_EVENTS.progettoApprovato, {
    durable: INTEGRAZIONI_SIUSS_CONSUMI.progettoApprovato.durable,
  })
  progettoApprovato(
    envelope: EventEnvelope<'presa-in-carico.progetto.approvato', ProgettoDecisioneV1>,
  ): Promise<void> {
    return this.siuss.progetto(INTEGRAZIONI_SIUSS_CONSUMI.progettoApprovato.durable, envelope);
  }

  @OnEvent(PRESA_IN_CARICO_EVENTS.valutazioneCompletata, {
    durable: INTEGRAZIONI_SIUSS_CONSUMI.valutazioneCompletata.durable,
  })
  valutazioneCompletata(
    envelope: EventEnvelope<'presa-in-carico.valutazione.completata', ValutazioneCompletataV1>,
  ): Promise<void> {
    return this.siuss.valutazione(INTEGRAZIONI_SIUSS_CONSUMI.valutazioneCompletata.durable, envelope);
  }
}
