import { Injectable } from '@nestjs/common';
import type { PersonaPerSiussV1 } from '@ambito/contracts';
import { LetturaPersonaPerServizio } from './persona-per-servizio.lettura';

/**
 * What the SIUSS feed of integrazioni reads about a beneficiary (`accesso.persona.leggi-per-siuss`, the
 * integrazioni service's identity only): the Anagrafica and Indirizzo of the PS-PSA-SINA record and
 * nothing else (no contacts, no ricoveri). Every read, and the refusal of an unknown persona, is audited
 * with the calling service and its declared purpose (debito-informativo).
 */
@Injectable()
export class LeggiPersonaPerSiussQuery {
  constructor(private readonly lettura: LetturaPersonaPerServizio) {}

  async esegui(personaId: string): Promise<PersonaPerSiussV1> {
    const persona = await this.lettura.leggi(personaId, 'leggi-per-siuss');
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
