import { Injectable } from '@nestjs/common';
import {
  ACCESSO_EVENTS,
  MISURE_CONSUMI,
  MISURE_EVENTS,
  PRESA_IN_CARICO_EVENTS,
  type BeneficioConcessoV1,
  type BeneficioTerminatoV1,
  type CartellaChiusaV1,
  type EventEnvelope,
  type InterventoMisuraModificatoV1,
  type PersonaDecedutaV1,
  type PersonaResidenzaCambiataV1,
  type RicoveroConclusoV1,
  type RicoveroIniziatoV1,
} from '@ambito/contracts';
import { OnEvent } from '@ambito/messaging';
import { BeneficiService } from './benefici.service';
import { FineBeneficio } from './fine-beneficio.service';

/**
 * The events that make and change benefici, each on its own durable (apart from the riesame of the
 * istanze, RiesameConsumers): misure's own concessioni, accesso's ricoveri, deaths and residences,
 * presa in carico's closure of the person's cartella and the changes of the progetto to its interventi
 * from the misure.
 * Once per event (inbox); a consumer that reads accesso first skips the read on a redelivery, and
 * accesso not answering brings the event back later (SERVIZIO_NON_DISPONIBILE).
 */
@Injectable()
export class BeneficiConsumers {
  constructor(
    private readonly benefici: BeneficiService,
    private readonly fine: FineBeneficio,
  ) {}

  // A revoca or cessazione: the impegno reduced by what will no longer be paid, then the scorrimento.
  @OnEvent(MISURE_EVENTS.beneficioRevocato, { durable: MISURE_CONSUMI.beneficioRevocatoImpegno.durable })
  revocato(envelope: EventEnvelope<'misure.beneficio.revocato', BeneficioTerminatoV1>): Promise<void> {
    return this.fine.terminato(MISURE_CONSUMI.beneficioRevocatoImpegno.durable, envelope);
  }

  @OnEvent(MISURE_EVENTS.beneficioCessato, { durable: MISURE_CONSUMI.beneficioCessatoImpegno.durable })
  cessato(envelope: EventEnvelope<'misure.beneficio.cessato', BeneficioTerminatoV1>): Promise<void> {
    return this.fine.terminato(MISURE_CONSUMI.beneficioCessatoImpegno.durable, envelope);
  }

  @OnEvent(MISURE_EVENTS.beneficioConcesso, { durable: MISURE_CONSUMI.beneficioConcesso.durable })
  concesso(envelope: EventEnvelope<'misure.beneficio.concesso', BeneficioConcessoV1>): Promise<void> {
    return this.benefici.concedi(MISURE_CONSUMI.beneficioConcesso.durable, envelope);
  }

  @OnEvent(ACCESSO_EVENTS.ricoveroIniziato, { durable: MISURE_CONSUMI.beneficiRicoveroIniziato.durable })
  ricoveroIniziato(envelope: EventEnvelope<'accesso.ricovero.iniziato', RicoveroIniziatoV1>): Promise<void> {
    return this.benefici.ricovero(MISURE_CONSUMI.beneficiRicoveroIniziato.durable, envelope);
  }

  @OnEvent(ACCESSO_EVENTS.ricoveroConcluso, { durable: MISURE_CONSUMI.beneficiRicoveroConcluso.durable })
  ricoveroConcluso(envelope: EventEnvelope<'accesso.ricovero.concluso', RicoveroConclusoV1>): Promise<void> {
    return this.benefici.ricovero(MISURE_CONSUMI.beneficiRicoveroConcluso.durable, envelope);
  }

  @OnEvent(ACCESSO_EVENTS.personaDeceduta, { durable: MISURE_CONSUMI.beneficiDecesso.durable })
  decesso(envelope: EventEnvelope<'accesso.persona.deceduta', PersonaDecedutaV1>): Promise<void> {
    return this.benefici.decesso(MISURE_CONSUMI.beneficiDecesso.durable, envelope);
  }

  @OnEvent(ACCESSO_EVENTS.residenzaCambiata, { durable: MISURE_CONSUMI.beneficiResidenza.durable })
  residenza(
    envelope: EventEnvelope<'accesso.persona.residenza-cambiata', PersonaResidenzaCambiataV1>,
  ): Promise<void> {
    return this.benefici.residenza(MISURE_CONSUMI.beneficiResidenza.durable, envelope);
  }

  @OnEvent(PRESA_IN_CARICO_EVENTS.cartellaChiusa, { durable: MISURE_CONSUMI.beneficiCartellaChiusa.durable })
  cartellaChiusa(
    envelope: EventEnvelope<'presa-in-carico.cartella.chiusa', CartellaChiusaV1>,
  ): Promise<void> {
    return this.benefici.cartellaChiusa(MISURE_CONSUMI.beneficiCartellaChiusa.durable, envelope);
  }

  @OnEvent(PRESA_IN_CARICO_EVENTS.interventoMisuraModificato, {
    durable: MISURE_CONSUMI.beneficiProgettoModificato.durable,
  })
  progettoModificato(
    envelope: EventEnvelope<
      'presa-in-carico.progetto.intervento-misura-modificato',
      InterventoMisuraModificatoV1
    >,
  ): Promise<void> {
    return this.benefici.progettoModificato(MISURE_CONSUMI.beneficiProgettoModificato.durable, envelope);
  }
}
