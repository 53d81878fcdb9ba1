import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  ACCESSO_EVENTS,
  PRESA_IN_CARICO_CONSUMI,
  isPropostaPresaInCarico,
  type AccessoChiusoV1,
  type EventEnvelope,
} from '@ambito/contracts';
import { OnEvent, handleOnce } from '@ambito/messaging';
import { TerritorioService } from '../territorio/territorio.service';
import { AccogliPropostaUseCase } from './apertura/accogli-proposta.use-case';

/** Durable consumer name (declared in contracts, where the NATS permissions derive from it). */
export const INTAKE_DURABLE = PRESA_IN_CARICO_CONSUMI.intake.durable;

/**
 * The intake from the segretariato sociale: an accesso closed with a proposta di presa in carico lands
 * in the queue of the équipe of the comune of residence. The event is validated against its contract
 * before it gets here (a proposta without the person goes to the dead-letter stream). Idempotent: the
 * inbox row commits with the cartella, so a redelivered event is skipped.
 */
@Injectable()
export class IntakeConsumer {
  private readonly logger = new Logger(IntakeConsumer.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accogli: AccogliPropostaUseCase,
    private readonly territorio: TerritorioService,
  ) {}

  @OnEvent(ACCESSO_EVENTS.accessoChiuso, { durable: INTAKE_DURABLE })
  async handle(envelope: EventEnvelope<'accesso.accesso.chiuso', AccessoChiusoV1>): Promise<void> {
    const { payload } = envelope;
    if (!isPropostaPresaInCarico(payload)) return;
    const persona = payload.persona;
    // The équipe of the comune of residence; the sede's sub-ambito only if the comune is unknown here.
    const subAmbito = this.territorio.subAmbito(persona.comuneResidenza) ?? payload.subAmbito;
    const handled = await handleOnce(this.dataSource, INTAKE_DURABLE, envelope, async (manager) => {
      const esito = await this.accogli.esegui(
        manager,
        {
          persona,
          origine: 'accesso',
          accessoId: payload.accessoId,
          inviante: `Segretariato sociale, sede ${payload.sede}`,
          motivazione: payload.esito.motivazione,
          urgenza: payload.esito.urgenza,
          subAmbito,
        },
        { userId: envelope.actor.userId, nome: envelope.actor.nome },
      );
      if (!esito) this.logger.log({ accessoId: payload.accessoId }, 'proposta già accolta: nessun effetto');
    });
    if (!handled) this.logger.log({ eventId: envelope.id }, 'evento già elaborato: ignorato');
  }
}
