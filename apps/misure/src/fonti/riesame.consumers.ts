import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  ACCESSO_EVENTS,
  MISURE_CONSUMI,
  PRESA_IN_CARICO_EVENTS,
  type CartellaChiusaV1,
  type EventEnvelope,
  type PersonaResidenzaCambiataV1,
  type ProgettoDecisioneV1,
  type RicoveroConclusoV1,
  type RicoveroIniziatoV1,
  type ValutazioneCompletataV1,
} from '@ambito/contracts';
import { OnEvent, alreadyHandled, handleOnce } from '@ambito/messaging';
import { RIESAME_ISTRUTTORIE, type RiesameIstruttorie } from './fonti-istanza';

/**
 * Evidence an istruttoria read has changed in another service: a ricovero began or ended, the
 * residence changed (accesso), a valutazione was completed, a progetto approved or the cartella closed
 * (presa in carico).
 * Each event re-runs the istruttorie of that person's open istanze (RiesameIstruttorie, which reads the
 * sources again); the events carry ids only, and the cause recorded is the event's type.
 *
 * Once per event: a redelivered event finds its inbox row and is skipped. The riesame runs before the
 * inbox row is written (it reads the other services and writes in its own transactions, none held open
 * meanwhile): if it fails, nothing is recorded and the event comes back — while a source is not
 * answering (SERVIZIO_NON_DISPONIBILE), with backoff and never as a dead letter. If the process dies
 * between the riesame and the inbox row, the event is judged again: a riesame is a re-evaluation, so
 * twice is harmless.
 */
@Injectable()
export class RiesameConsumers {
  private readonly logger = new Logger(RiesameConsumers.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(RIESAME_ISTRUTTORIE) private readonly riesame: RiesameIstruttorie,
  ) {}

  @OnEvent(ACCESSO_EVENTS.ricoveroIniziato, { durable: MISURE_CONSUMI.ricoveroIniziato.durable })
  ricoveroIniziato(envelope: EventEnvelope<'accesso.ricovero.iniziato', RicoveroIniziatoV1>): Promise<void> {
    return this.riesamina(MISURE_CONSUMI.ricoveroIniziato.durable, envelope, envelope.payload.personaId);
  }

  @OnEvent(ACCESSO_EVENTS.ricoveroConcluso, { durable: MISURE_CONSUMI.ricoveroConcluso.durable })
  ricoveroConcluso(envelope: EventEnvelope<'accesso.ricovero.concluso', RicoveroConclusoV1>): Promise<void> {
    return this.riesamina(MISURE_CONSUMI.ricoveroConcluso.durable, envelope, envelope.payload.personaId);
  }

  @OnEvent(ACCESSO_EVENTS.residenzaCambiata, { durable: MISURE_CONSUMI.residenza.durable })
  residenzaCambiata(
    envelope: EventEnvelope<'accesso.persona.residenza-cambiata', PersonaResidenzaCambiataV1>,
  ): Promise<void> {
    return this.riesamina(MISURE_CONSUMI.residenza.durable, envelope, envelope.payload.personaId);
  }

  @OnEvent(PRESA_IN_CARICO_EVENTS.valutazioneCompletata, { durable: MISURE_CONSUMI.valutazione.durable })
  valutazioneCompletata(
    envelope: EventEnvelope<'presa-in-carico.valutazione.completata', ValutazioneCompletataV1>,
  ): Promise<void> {
    return this.riesamina(MISURE_CONSUMI.valutazione.durable, envelope, envelope.payload.personaId);
  }

  @OnEvent(PRESA_IN_CARICO_EVENTS.progettoApprovato, { durable: MISURE_CONSUMI.progetto.durable })
  progettoApprovato(
    envelope: EventEnvelope<'presa-in-carico.progetto.approvato', ProgettoDecisioneV1>,
  ): Promise<void> {
    return this.riesamina(MISURE_CONSUMI.progetto.durable, envelope, envelope.payload.personaId);
  }

  @OnEvent(PRESA_IN_CARICO_EVENTS.cartellaChiusa, { durable: MISURE_CONSUMI.cartellaChiusa.durable })
  cartellaChiusa(
    envelope: EventEnvelope<'presa-in-carico.cartella.chiusa', CartellaChiusaV1>,
  ): Promise<void> {
    return this.riesamina(MISURE_CONSUMI.cartellaChiusa.durable, envelope, envelope.payload.personaId);
  }

  private async riesamina(
    durable: string,
    envelope: EventEnvelope,
    personaId: string | null | undefined,
  ): Promise<void> {
    if (await alreadyHandled(this.dataSource, durable, envelope)) {
      this.logger.log({ eventId: envelope.id }, 'evento già elaborato: ignorato');
      return;
    }
    // A cartella opened without the persona of the accesso registry (or an event from before
    // personaId was added): no istanza can be found for it here.
    if (personaId) await this.riesame.riesaminaPersona(personaId, envelope.type);
    else this.logger.log({ eventId: envelope.id }, 'evento senza persona: nessun riesame');
    await handleOnce(this.dataSource, durable, envelope, async () => undefined);
  }
}
