import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AccessoChiusoV1, EventEnvelope } from '@ambito/contracts';
import { EventBus, handleOnce } from '@ambito/messaging';
import { TerritorioService } from '../territorio/territorio.service';
import { CartelleService } from './cartelle.service';

/** Durable consumer name: stable across restarts and shared by the service's replicas. */
export const INTAKE_DURABLE = 'presa-in-carico-intake';

/**
 * The intake from the segretariato sociale: an accesso closed with a proposta di presa in carico lands
 * in the queue of the équipe of the comune of residence. Idempotent: the inbox row commits with the
 * cartella, so a redelivered event is skipped.
 */
@Injectable()
export class IntakeConsumer implements OnModuleInit {
  private readonly logger = new Logger(IntakeConsumer.name);

  constructor(
    private readonly bus: EventBus,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cartelle: CartelleService,
    private readonly territorio: TerritorioService,
  ) {}

  onModuleInit(): void {
    this.bus.subscribe({
      durable: INTAKE_DURABLE,
      type: 'accesso.accesso.chiuso',
      handler: (envelope) => this.handle(envelope),
    });
  }

  async handle(envelope: EventEnvelope<'accesso.accesso.chiuso', AccessoChiusoV1>): Promise<void> {
    const { payload } = envelope;
    if (payload.esito.tipo !== 'proposta-presa-in-carico') return;
    if (!payload.persona) {
      this.logger.warn({ eventId: envelope.id }, 'proposta senza dati della persona: ignorata');
      return;
    }
    const persona = payload.persona;
    // The équipe of the comune of residence; the sede's sub-ambito only if the comune is unknown here.
    const subAmbito = this.territorio.subAmbito(persona.comuneResidenza) ?? payload.subAmbito;
    const handled = await handleOnce(this.dataSource, INTAKE_DURABLE, envelope, async (manager) => {
      const esito = await this.cartelle.accogliProposta(
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
