import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { CercaPersonePerIntegrazioniV1, PersonaPerIntegrazioniV1 } from '@ambito/contracts';
import { AuditService } from '@ambito/audit';
import { currentActor } from '@ambito/messaging';
import { PersonaEntity } from '../persona.entity';
import { PersoneRepository } from '../persone.repository';

/**
 * The persone of the registry with the given codici fiscali (`accesso.persona.cerca-per-integrazioni`,
 * the integrazioni service's identity only), for the GePI import that opens the cartelle of the ADI
 * applicants with the registry's data rather than the file's. Only the anagrafica a cartella needs; an
 * unknown codice fiscale is simply absent. Each persona returned is audited with the caller's purpose.
 */
@Injectable()
export class CercaPersonePerIntegrazioniQuery {
  constructor(
    private readonly persone: PersoneRepository,
    private readonly audit: AuditService,
  ) {}

  async esegui(dto: CercaPersonePerIntegrazioniV1): Promise<PersonaPerIntegrazioniV1[]> {
    const actor = currentActor();
    const manager = this.persone.manager;
    const trovate = await manager.find(PersonaEntity, {
      where: { codiceFiscale: In([...new Set(dto.codiciFiscali.map((c) => c.toUpperCase()))]) },
      order: { codiceFiscale: 'ASC' },
    });
    await this.audit.ricerca(manager, actor, {
      traccia: { azione: 'cerca-per-integrazioni', risorsa: 'persona' },
      criteri: { codiciFiscali: '*' },
      risultati: trovate.map((p) => ({
        azione: 'cerca-per-integrazioni',
        risorsa: 'persona',
        risorsaId: p.id,
        soggettoId: p.id,
      })),
    });
    return trovate.map((p) => ({
      personaId: p.id,
      codiceFiscale: p.codiceFiscale,
      cognome: p.cognome,
      nome: p.nome,
      dataNascita: p.dataNascita,
      sesso: p.sesso,
      comuneResidenza: p.comuneResidenza,
    }));
  }
}
