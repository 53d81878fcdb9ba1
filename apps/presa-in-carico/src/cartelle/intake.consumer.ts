import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  ACCESSO_EVENTS,
  PRESA_IN_CARICO_CHIAMATE,
  PRESA_IN_CARICO_CONSUMI,
  isPropostaPresaInCarico,
  type AccessoChiusoV2,
  type EventEnvelope,
  type PropostaPresaInCaricoV1,
} from '@ambito/contracts';
import { OnEvent, ServiceCaller, alreadyHandled, handleOnce } from '@ambito/messaging';
import { TerritorioService } from '../territorio/territorio.service';
import { AccogliPropostaUseCase } from './apertura/accogli-proposta.use-case';

/** Durable consumer name (declared in contracts, where the NATS permissions derive from it). */
export const INTAKE_DURABLE = PRESA_IN_CARICO_CONSUMI.intake.durable;

/**
 * The intake from the segretariato sociale: an accesso closed with a proposta di presa in carico lands
 * in the queue of the équipe of the comune of residence. The event (`accesso.accesso.chiuso.v2`) carries
 * ids only: who the person is and the motivazione are read from accesso with this service's own
 * identity and the purpose `presa-in-carico` (PRESA_IN_CARICO_CHIAMATE.proposta), a read accesso audits.
 *
 * Idempotent: the inbox row commits with the cartella, so a redelivered event is skipped (and, once
 * handled, not even read again). The read happens before the transaction, so no transaction stays open
 * while accesso answers; while accesso is unavailable the event comes back later, with backoff, never
 * as a dead letter for that, and nothing is written.
 */
@Injectable()
export class IntakeConsumer {
  private readonly logger = new Logger(IntakeConsumer.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accogli: AccogliPropostaUseCase,
    private readonly territorio: TerritorioService,
    private readonly chiamate: ServiceCaller,
  ) {}

  @OnEvent(ACCESSO_EVENTS.accessoChiuso, { durable: INTAKE_DURABLE })
  async handle(envelope: EventEnvelope<'accesso.accesso.chiuso', AccessoChiusoV2>): Promise<void> {
    const { payload } = envelope;
    if (!isPropostaPresaInCarico(payload)) return;
    if (await alreadyHandled(this.dataSource, INTAKE_DURABLE, envelope)) {
      this.logger.log({ eventId: envelope.id }, 'evento già elaborato: ignorato');
      return;
    }
    const proposta = await this.leggiProposta(payload.accessoId);
    const { persona } = proposta;
    // The équipe of the comune of residence; the sede's sub-ambito only if the comune is unknown here.
    const subAmbito = this.territorio.subAmbito(persona.comuneResidenza) ?? proposta.subAmbito;
    const handled = await handleOnce(this.dataSource, INTAKE_DURABLE, envelope, async (manager) => {
      const esito = await this.accogli.esegui(
        manager,
        {
          persona,
          // The registry's id: the cartella follows the persona's change of residence (trasferimento).
          personaId: payload.personaId,
          origine: 'accesso',
          accessoId: payload.accessoId,
          inviante: `Segretariato sociale, sede ${proposta.sede}`,
          motivazione: proposta.motivazione,
          urgenza: proposta.urgenza,
          subAmbito,
        },
        { userId: envelope.actor.userId, nome: envelope.actor.nome },
      );
      if (!esito) this.logger.log({ accessoId: payload.accessoId }, 'proposta già accolta: nessun effetto');
    });
    if (!handled) this.logger.log({ eventId: envelope.id }, 'evento già elaborato: ignorato');
  }

  /**
   * The proposta from accesso, as this service. "Not now" (no responder, no answer in time) is retried
   * by the subscription for as long as it takes (libs/messaging, indisponibilita-temporanea.ts).
   */
  private leggiProposta(accessoId: string): Promise<PropostaPresaInCaricoV1> {
    return this.chiamate.chiama(
      PRESA_IN_CARICO_CHIAMATE.proposta,
      { accessoId },
      { motivo: `Apertura della cartella per la proposta dell’accesso ${accessoId}` },
    );
  }
}
