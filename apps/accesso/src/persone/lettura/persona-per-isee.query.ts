import { Injectable } from '@nestjs/common';
import { DomainError, type PersonaPerIseeV1 } from '@ambito/contracts';
import { AuditService, type Traccia } from '@ambito/audit';
import { currentActor } from '@ambito/messaging';
import { PersoneRepository } from '../persone.repository';

/**
 * The codice fiscale of the person of an istanza, for the ISEE consultation at INPS
 * (`accesso.persona.leggi-per-isee`, the integrazioni service's identity only). Nothing else: INPS finds
 * the DSU by it. Every read, and the refusal of an unknown persona, is audited with the calling service
 * and its declared purpose.
 */
@Injectable()
export class LeggiPersonaPerIseeQuery {
  constructor(
    private readonly persone: PersoneRepository,
    private readonly audit: AuditService,
  ) {}

  async esegui(personaId: string): Promise<PersonaPerIseeV1> {
    const actor = currentActor();
    const persona = await this.persone.trova(this.persone.manager, personaId);
    const traccia: Traccia = {
      azione: 'leggi-per-isee',
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
    return { personaId: persona.id, codiceFiscale: persona.codiceFiscale };
  }
}
