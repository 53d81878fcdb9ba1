import { Injectable } from '@nestjs/common';
import type { PersonaPerIseeV1 } from '@ambito/contracts';
import { LetturaPersonaPerServizio } from './persona-per-servizio.lettura';

/**
 * The codice fiscale of the person of an istanza, for the ISEE consultation at INPS
 * (`accesso.persona.leggi-per-isee`, the integrazioni service's identity only). Nothing else: INPS finds
 * the DSU by it. Every read, and the refusal of an unknown persona, is audited with the calling service
 * and its declared purpose.
 */
@Injectable()
export class LeggiPersonaPerIseeQuery {
  constructor(private readonly lettura: LetturaPersonaPerServizio) {}

  async esegui(personaId: string): Promise<PersonaPerIseeV1> {
    const persona = await this.lettura.leggi(personaId, 'leggi-per-isee');
    return { personaId: persona.id, codiceFiscale: persona.codiceFiscale };
  }
}
