import { Injectable } from '@nestjs/common';
import { DomainError, type PersonaPerSiussV1 } from '@ambito/contracts';
import { AuditService, type Traccia } from '@ambito/audit';
import { currentActor } from '@ambito/messaging';
import { PersoneRepository } from '../persone.repository';

/**
 * What the SIUSS feed of integrazioni reads about a beneficiary (`accesso.persona.leggi-per-siuss`, the
 * integrazioni service's identity only): the Anagrafica and Indirizzo of the PS-PSA-SINA record and
 * nothing else (no contacts, no ricoveri). Every read, and the refusal of an unknown persona, is audited
 * with the calling service and its declared purpose (debito-informativo).
 */
@Injectable()
export class LeggiPersonaPerSiussQuery {
  constructor(
    private readonly persone: PersoneRepository,
    private readonly audit: AuditService,
  ) {}

  async esegui(personaId: string): Promise<PersonaPerSiussV1> {
    const actor = currentActor();
    const persona = await this.persone.trova(this.persone.manager, personaId);
    const traccia: Traccia = {
      azione: 'leggi-per-siuss',
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
    return {
      personaId: persona.id,
      codiceFiscale: persona.codiceFiscale,
      cognome: persona.cognome,
      nome: persona.nome,
      dataNascita: persona.dataNascita,
      luogoNascita: persona.luogoNascita,
      sesso: persona.sesso,
      cittadinanzaIstat: persona.cittadinanzaIstat,
      comuneResidenza: persona.comuneResidenza,
      statoEsteroResidenza: persona.statoEsteroResidenza ?? null,
    };
  }
}
