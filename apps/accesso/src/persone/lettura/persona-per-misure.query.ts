import { giornoInItalia } from '@ambito/kernel';
import { Injectable } from '@nestjs/common';
import type { PersonaPerMisureV1 } from '@ambito/contracts';
import { TerritorioService } from '../../territorio/territorio.service';
import { PersoneRepository } from '../persone.repository';
import { LetturaPersonaPerServizio } from './persona-per-servizio.lettura';

/**
 * What the istruttoria of the misure reads about the person of an istanza (`accesso.persona.leggi-per-misure`,
 * the misure service's identity only): date of birth, comune of residence and whether it is in the
 * Ambito, whether a definitive residential ricovero is open today; for the benefici, the date of death
 * and the ricoveri since last year. Nothing else (no name, no codice
 * fiscale): the rules need no more. Every read, and the refusal of an unknown persona, is audited with
 * the calling service and its declared purpose.
 */
@Injectable()
export class LeggiPersonaPerMisureQuery {
  constructor(
    private readonly lettura: LetturaPersonaPerServizio,
    private readonly persone: PersoneRepository,
    private readonly territorio: TerritorioService,
  ) {}

  async esegui(personaId: string): Promise<PersonaPerMisureV1> {
    const persona = await this.lettura.leggi(personaId, 'leggi-per-misure');
    const oggi = giornoInItalia();
    return {
      personaId: persona.id,
      dataNascita: persona.dataNascita,
      comuneResidenza: persona.comuneResidenza,
      residenteNellAmbito:
        persona.comuneResidenza !== null && this.territorio.nellAmbito(persona.comuneResidenza),
      ricoveroDefinitivoInCorso: await this.persone.ricoveroDefinitivoInCorso(persona.id, oggi),
      dataDecesso: persona.dataDecesso,
      ricoveri: await this.persone.ricoveriDal(persona.id, `${Number(oggi.slice(0, 4)) - 1}-01-01`),
    };
  }
}
