import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Not, type DataSource } from 'typeorm';
import {
  ACCESSO_EVENTS,
  PRESA_IN_CARICO_CONSUMI,
  type EventEnvelope,
  type PersonaResidenzaCambiataV1,
} from '@ambito/contracts';
import { OnEvent, handleOnce } from '@ambito/messaging';
import { CartellaEntity } from '../../cartella/cartella.entity';
import { CartelleStore } from '../../cartella/cartelle.store';
import { TerritorioService } from '../../territorio/territorio.service';
import { TrasferisciCartellaUseCase } from './trasferisci-cartella.use-case';

export const RESIDENZA_DURABLE = PRESA_IN_CARICO_CONSUMI.residenza.durable;

/**
 * The registry of the segretariato recorded a new residence: the open cartella of that persona follows
 * it, by the same trasferimento the équipe would do (to another sub-ambito: the queue of its équipe).
 * A move outside the Ambito (or abroad) moves nothing: the diario tells the équipe, who decides whether
 * to close the case. The sub-ambito comes from this service's territorio, as for the intake.
 * Idempotent: the inbox row commits with the effect; a cartella already in that comune is left alone.
 */
@Injectable()
export class ResidenzaConsumer {
  private readonly logger = new Logger(ResidenzaConsumer.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly trasferisci: TrasferisciCartellaUseCase,
    private readonly store: CartelleStore,
    private readonly territorio: TerritorioService,
  ) {}

  @OnEvent(ACCESSO_EVENTS.residenzaCambiata, { durable: RESIDENZA_DURABLE })
  async handle(
    envelope: EventEnvelope<'accesso.persona.residenza-cambiata', PersonaResidenzaCambiataV1>,
  ): Promise<void> {
    const { personaId, comuneResidenza } = envelope.payload;
    const autore = { userId: envelope.actor.userId, nome: envelope.actor.nome };
    const handled = await handleOnce(this.dataSource, RESIDENZA_DURABLE, envelope, async (manager) => {
      const cartelle = await manager.find(CartellaEntity, {
        where: { personaId, stato: Not('chiusa') },
        lock: { mode: 'pessimistic_write' },
      });
      for (const cartella of cartelle) {
        if (comuneResidenza === cartella.comuneResidenza) continue;
        const subAmbito = comuneResidenza ? this.territorio.subAmbito(comuneResidenza) : null;
        if (comuneResidenza && subAmbito) {
          await this.trasferisci.sposta(
            manager,
            cartella,
            comuneResidenza,
            subAmbito,
            'Registrato nell’anagrafe del segretariato sociale.',
            autore,
          );
        } else {
          await this.store.diario(
            manager,
            cartella,
            'trasferimento',
            (comuneResidenza
              ? `La persona ha trasferito la residenza nel comune ${comuneResidenza}, fuori dall’Ambito`
              : 'La persona ha trasferito la residenza all’estero') +
              ': la cartella resta a questa équipe, che valuta la chiusura per trasferimento.',
            autore,
          );
        }
      }
      if (cartelle.length === 0) this.logger.log({ personaId }, 'nessuna cartella aperta: nessun effetto');
    });
    if (!handled) this.logger.log({ eventId: envelope.id }, 'evento già elaborato: ignorato');
  }
}
