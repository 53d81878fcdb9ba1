import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import {
  DomainError,
  PRESA_IN_CARICO_EVENTS,
  type AssegnaCartellaV1,
  type CartellaV1,
} from '@ambito/contracts';
import { OutboxWriter } from '@ambito/messaging';
import { AssegnazioneEntity } from '../../cartella/assegnazione.entity';
import { CartellaEntity } from '../../cartella/cartella.entity';
import { CartelleStore } from '../../cartella/cartelle.store';
import { PropostaEntity } from '../../cartella/proposta.entity';
import { assertNonChiusa } from '../../cartella/regole-cartella';
import { MembroEquipeEntity } from '../../equipe/membro-equipe.entity';
import { isCoordinatore, nonConsentito } from '../../scope/visibilita';
import { caricaCartellaV1 } from '../lettura/cartella.read-model';

/** The coordinator names the case manager; a reassignment ends the current assignment, kept in history. */
@Injectable()
export class AssegnaCartellaUseCase {
  constructor(
    private readonly store: CartelleStore,
    private readonly outbox: OutboxWriter,
  ) {}

  esegui(dto: AssegnaCartellaV1): Promise<CartellaV1> {
    return this.store.scrivi(
      dto.id,
      { azione: 'assegna', risorsa: 'cartella', risorsaId: dto.id },
      async (manager, cartella, actor) => {
        if (!isCoordinatore(actor, cartella)) throw nonConsentito();
        assertNonChiusa(cartella);
        const membro = await manager.findOneBy(MembroEquipeEntity, {
          subAmbito: cartella.subAmbito,
          userId: dto.caseManagerId,
        });
        if (!membro || membro.professione !== 'assistente-sociale')
          throw new DomainError(
            'CASE_MANAGER_NON_VALIDO',
            `${dto.caseManagerId} non è un’assistente sociale dell’équipe del sub-ambito ${cartella.subAmbito}.`,
            [{ campo: 'caseManagerId', messaggi: ['assistente sociale dell’équipe del sub-ambito'] }],
          );
        if (cartella.caseManagerId === membro.userId)
          throw new DomainError(
            'TRANSIZIONE_NON_CONSENTITA',
            `${membro.nome} è già case manager della cartella.`,
          );
        const adesso = new Date();
        const precedente = cartella.caseManagerId;
        await manager.update(AssegnazioneEntity, { cartellaId: cartella.id, al: IsNull() }, { al: adesso });
        await manager.insert(AssegnazioneEntity, {
          cartellaId: cartella.id,
          caseManagerId: membro.userId,
          caseManagerNome: membro.nome,
          assegnataDa: actor.userId,
          dal: adesso,
          note: dto.note ?? null,
        });
        await manager.update(
          CartellaEntity,
          { id: cartella.id },
          { stato: 'in-carico', caseManagerId: membro.userId, caseManagerNome: membro.nome },
        );
        await manager.update(
          PropostaEntity,
          { cartellaId: cartella.id, stato: 'in-attesa' },
          { stato: 'accolta' },
        );
        await this.store.diario(
          manager,
          cartella,
          'assegnazione',
          precedente
            ? `Riassegnata da ${cartella.caseManagerNome ?? precedente} a ${membro.nome}.`
            : `Presa in carico: case manager ${membro.nome}.`,
          actor,
        );
        await this.outbox.append(manager, PRESA_IN_CARICO_EVENTS.cartellaAssegnata, {
          cartellaId: cartella.id,
          subAmbito: cartella.subAmbito,
          comuneResidenza: cartella.comuneResidenza,
          caseManagerId: membro.userId,
          precedenteCaseManagerId: precedente,
        });
        return caricaCartellaV1(manager, cartella.id);
      },
    );
  }
}
