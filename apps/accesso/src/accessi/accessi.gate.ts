import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError, type AccessoV1, type Actor } from '@ambito/contracts';
import { WriteGate } from '@ambito/audit';
import { assertScrittura } from '../scope/ambito-visibilita';
import type { AccessoEntity } from './accesso.entity';
import { AccessiRepository } from './accessi.repository';
import { toAccessoV1 } from './lettura/accesso.read-model';
import { accessoNonTrovato } from './regole-accesso';

/**
 * The way every change of an existing accesso goes, through the write gate: the accesso locked for
 * update, the actor must work in its sub-ambito (outside it the accesso does not exist; only that
 * refusal is audited), the change, the audit row; the reply is the accesso as it now reads.
 */
@Injectable()
export class AccessiGate {
  constructor(
    private readonly accessi: AccessiRepository,
    private readonly gate: WriteGate,
  ) {}

  scrivi(
    id: string,
    azione: string,
    change: (manager: EntityManager, accesso: AccessoEntity, actor: Actor) => Promise<void>,
  ): Promise<AccessoV1> {
    return this.gate.scrivi({
      carica: async (manager) => {
        const accesso = await this.accessi.bloccaPerScrittura(manager, id);
        if (!accesso) throw accessoNonTrovato();
        return accesso;
      },
      traccia: (accesso) => ({ azione, risorsa: 'accesso', risorsaId: id, soggettoId: accesso.personaId }),
      verifica: (accesso, actor) => {
        try {
          assertScrittura(actor, accesso.subAmbito);
        } catch (error) {
          if (error instanceof DomainError && error.code === 'FUORI_AMBITO_TERRITORIALE')
            throw accessoNonTrovato();
          throw error;
        }
        return accesso;
      },
      cambia: async (manager, accesso, actor) => {
        await change(manager, accesso, actor);
        return toAccessoV1((await this.accessi.carica(manager, id))!);
      },
      rifiuti: 'ambito',
    });
  }
}
