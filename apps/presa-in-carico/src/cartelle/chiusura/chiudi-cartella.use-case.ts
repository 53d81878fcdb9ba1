import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { PRESA_IN_CARICO_EVENTS, type CartellaV1, type ChiudiCartellaV1 } from '@ambito/contracts';
import { OutboxWriter } from '@ambito/messaging';
import { AssegnazioneEntity } from '../../cartella/assegnazione.entity';
import { CartellaEntity } from '../../cartella/cartella.entity';
import { CartelleStore } from '../../cartella/cartelle.store';
import { assertLavora, assertNonChiusa } from '../../cartella/regole-cartella';
import { caricaCartellaV1 } from '../lettura/cartella.read-model';

/** Closure by who answers for the case (case manager or coordinator); a new proposta reopens it. */
@Injectable()
export class ChiudiCartellaUseCase {
  constructor(
    private readonly store: CartelleStore,
    private readonly outbox: OutboxWriter,
  ) {}

  esegui(dto: ChiudiCartellaV1): Promise<CartellaV1> {
    return this.store.scrivi(
      dto.id,
      { azione: 'chiudi', risorsa: 'cartella', risorsaId: dto.id },
      async (manager, cartella, actor) => {
        assertNonChiusa(cartella);
        assertLavora(actor, cartella, true);
        const adesso = new Date();
        await manager.update(AssegnazioneEntity, { cartellaId: cartella.id, al: IsNull() }, { al: adesso });
        await manager.update(
          CartellaEntity,
          { id: cartella.id },
          {
            stato: 'chiusa',
            motivoChiusura: dto.motivo,
            chiusaIl: adesso,
            chiusaDa: actor.userId,
            noteChiusura: dto.note ?? null,
          },
        );
        await this.store.diario(
          manager,
          cartella,
          'chiusura',
          `Cartella chiusa: ${dto.motivo}. ${dto.note ?? ''}`.trim(),
          actor,
        );
        await this.outbox.append(manager, PRESA_IN_CARICO_EVENTS.cartellaChiusa, {
          cartellaId: cartella.id,
          personaId: cartella.personaId,
          subAmbito: cartella.subAmbito,
          comuneResidenza: cartella.comuneResidenza,
          motivo: dto.motivo,
          episodio: cartella.episodio,
        });
        return caricaCartellaV1(manager, cartella.id);
      },
    );
  }
}
