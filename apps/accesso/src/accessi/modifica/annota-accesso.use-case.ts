import { Injectable } from '@nestjs/common';
import type { AccessoV1, AnnotaAccessoV1 } from '@ambito/contracts';
import { AccessiGate } from '../accessi.gate';
import { AccessiRepository } from '../accessi.repository';

/** Notes are the only change a closed accesso accepts. */
@Injectable()
export class AnnotaAccessoUseCase {
  constructor(
    private readonly gate: AccessiGate,
    private readonly accessi: AccessiRepository,
  ) {}

  esegui(dto: AnnotaAccessoV1): Promise<AccessoV1> {
    return this.gate.scrivi(dto.id, 'annota', async (manager, accesso, actor) => {
      await this.accessi.annota(manager, {
        accessoId: accesso.id,
        testo: dto.testo,
        autoreId: actor.userId,
        autoreNome: actor.nome,
      });
    });
  }
}
