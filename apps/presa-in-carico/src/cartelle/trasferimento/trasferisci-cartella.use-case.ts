import { Injectable } from '@nestjs/common';
import { IsNull, type EntityManager } from 'typeorm';
import {
  DomainError,
  PRESA_IN_CARICO_EVENTS,
  type CartellaV1,
  type TrasferisciCartellaV1,
} from '@ambito/contracts';
import { OutboxWriter } from '@ambito/messaging';
import { AssegnazioneEntity } from '../../cartella/assegnazione.entity';
import { CartellaEntity } from '../../cartella/cartella.entity';
import { CartelleStore, type Autore } from '../../cartella/cartelle.store';
import { assertLavora, assertNonChiusa } from '../../cartella/regole-cartella';
import { TerritorioService } from '../../territorio/territorio.service';
import { caricaCartellaV1 } from '../lettura/cartella.read-model';

/**
 * Change of residence. Within the sub-ambito only the Comune that decides changes; to a comune of
 * another sub-ambito the case leaves this équipe (assignment ended, kept in history) and waits in the
 * queue of the new one, with all its history. Asked by the équipe, or done on the registry's
 * `accesso.persona.residenza-cambiata` (ResidenzaConsumer).
 */
@Injectable()
export class TrasferisciCartellaUseCase {
  constructor(
    private readonly store: CartelleStore,
    private readonly territorio: TerritorioService,
    private readonly outbox: OutboxWriter,
  ) {}

  esegui(dto: TrasferisciCartellaV1): Promise<CartellaV1> {
    return this.store.scrivi(
      dto.id,
      { azione: 'trasferisci', risorsa: 'cartella', risorsaId: dto.id },
      async (manager, cartella, actor) => {
        assertNonChiusa(cartella);
        assertLavora(actor, cartella, true);
        const subAmbito = this.territorio.subAmbito(dto.comuneResidenza);
        if (!subAmbito)
          throw new DomainError(
            'COMUNE_SCONOSCIUTO',
            `Il comune ${dto.comuneResidenza} non fa parte dell’Ambito.`,
            [{ campo: 'comuneResidenza', messaggi: ['comune non appartenente all’Ambito'] }],
          );
        if (dto.comuneResidenza === cartella.comuneResidenza)
          throw new DomainError('TRANSIZIONE_NON_CONSENTITA', 'La persona risiede già in questo comune.');
        await this.sposta(manager, cartella, dto.comuneResidenza, subAmbito, dto.note ?? null, actor);
        return caricaCartellaV1(manager, cartella.id);
      },
    );
  }

  /** Moves an open cartella (locked by the caller) to a comune of the Ambito, in the caller's transaction. */
  async sposta(
    manager: EntityManager,
    cartella: CartellaEntity,
    comuneResidenza: string,
    subAmbito: string,
    note: string | null,
    autore: Autore,
  ): Promise<void> {
    const da = { subAmbito: cartella.subAmbito, comune: cartella.comuneResidenza };
    const altraEquipe = subAmbito !== cartella.subAmbito;
    if (altraEquipe) {
      await manager.update(AssegnazioneEntity, { cartellaId: cartella.id, al: IsNull() }, { al: new Date() });
      await manager.update(
        CartellaEntity,
        { id: cartella.id },
        {
          comuneResidenza,
          subAmbito,
          stato: 'in-attesa',
          caseManagerId: null,
          caseManagerNome: null,
        },
      );
    } else {
      await manager.update(CartellaEntity, { id: cartella.id }, { comuneResidenza });
    }
    await this.store.diario(
      manager,
      cartella,
      'trasferimento',
      `Cambio di residenza: dal comune ${da.comune} al comune ${comuneResidenza}` +
        (altraEquipe ? `; la cartella passa all’équipe del sub-ambito ${subAmbito}.` : '.') +
        (note ? ` ${note}` : ''),
      autore,
    );
    await this.outbox.append(manager, PRESA_IN_CARICO_EVENTS.cartellaTrasferita, {
      cartellaId: cartella.id,
      daSubAmbito: da.subAmbito,
      aSubAmbito: subAmbito,
      daComune: da.comune,
      aComune: comuneResidenza,
      episodio: cartella.episodio,
    });
  }
}
