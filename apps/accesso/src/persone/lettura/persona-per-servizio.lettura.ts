import { Injectable } from '@nestjs/common';
import { DomainError } from '@ambito/contracts';
import { AuditService, type Traccia } from '@ambito/audit';
import { currentActor } from '@ambito/messaging';
import type { PersonaEntity } from '../persona.entity';
import { PersoneRepository } from '../persone.repository';

/**
 * A persona read by another service with its own identity (misure, integrazioni): each caller's query
 * picks the fields it may see; this finds the persona and audits the read, or the refusal of an unknown
 * persona, with the calling service and its declared purpose.
 */
@Injectable()
export class LetturaPersonaPerServizio {
  constructor(
    private readonly persone: PersoneRepository,
    private readonly audit: AuditService,
  ) {}

  async leggi(personaId: string, azione: string): Promise<PersonaEntity> {
    const actor = currentActor();
    const persona = await this.persone.trova(this.persone.manager, personaId);
    const traccia: Traccia = {
      azione,
      risorsa: 'persona',
      risorsaId: personaId,
      soggettoId: persona ? persona.id : null,
    };
    if (!persona)
      throw await this.audit.negato(
        actor,
        traccia,
        new DomainError('PERSONA_NON_TROVATA', 'Persona non trovata.'),
      );
    await this.audit.consentito(this.persone.manager, actor, [traccia]);
    return persona;
  }
}
