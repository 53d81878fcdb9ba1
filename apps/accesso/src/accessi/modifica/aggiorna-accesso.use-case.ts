import { Injectable } from '@nestjs/common';
import type { AccessoV1, AggiornaAccessoV1 } from '@ambito/contracts';
import { AccessiGate } from '../accessi.gate';
import { AccessiRepository } from '../accessi.repository';
import { assertAperto } from '../regole-accesso';

/** Corrections while the accesso is open: only the fields sent change. */
@Injectable()
export class AggiornaAccessoUseCase {
  constructor(
    private readonly gate: AccessiGate,
    private readonly accessi: AccessiRepository,
  ) {}

  esegui(dto: AggiornaAccessoV1): Promise<AccessoV1> {
    return this.gate.scrivi(dto.id, 'aggiorna', async (manager, accesso) => {
      assertAperto(accesso);
      const { id, ...campi } = dto;
      const modifiche = Object.fromEntries(Object.entries(campi).filter(([, v]) => v !== undefined));
      if (Object.keys(modifiche).length > 0) await this.accessi.aggiorna(manager, id, modifiche);
    });
  }
}
