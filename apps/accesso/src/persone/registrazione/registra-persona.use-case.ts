import { Injectable } from '@nestjs/common';
import { DomainError, type PersonaV1, type RegistraPersonaV1 } from '@ambito/contracts';
import { AuditService } from '@ambito/audit';
import { currentActor } from '@ambito/messaging';
import { isViolation } from '@ambito/persistence';
import { isOperatore, nonConsentito } from '../../scope/ambito-visibilita';
import { TerritorioService } from '../../territorio/territorio.service';
import { toPersonaV1 } from '../persona.entity';
import { PersoneRepository } from '../persone.repository';
import {
  assertDataNascita,
  assertResidenzaLombardia,
  assertUnaResidenza,
  comuneNellAmbito,
  parseCodiceFiscale,
  personaFuoriAmbito,
} from '../regole-persona';

/**
 * An operator registers a persona once (one per codice fiscale): resident in the Ambito, or resident
 * elsewhere in Italy or abroad and living here (domicile in a comune of the Ambito).
 */
@Injectable()
export class RegistraPersonaUseCase {
  constructor(
    private readonly persone: PersoneRepository,
    private readonly territorio: TerritorioService,
    private readonly audit: AuditService,
  ) {}

  async esegui(dto: RegistraPersonaV1): Promise<PersonaV1> {
    const actor = currentActor();
    if (!isOperatore(actor))
      throw await this.audit.negato(actor, { azione: 'registra', risorsa: 'persona' }, nonConsentito());
    const codiceFiscale = parseCodiceFiscale(dto.codiceFiscale);
    assertDataNascita(dto.dataNascita);
    if (dto.residenteInLombardiaDal !== undefined)
      assertResidenzaLombardia(dto.residenteInLombardiaDal, dto.dataNascita);
    assertUnaResidenza(dto.comuneResidenza, dto.statoEsteroResidenza);
    const residenza = {
      comuneResidenza: dto.comuneResidenza ?? null,
      comuneDomicilio: dto.comuneDomicilio ?? null,
    };
    if (!comuneNellAmbito(residenza, (c) => this.territorio.nellAmbito(c))) throw personaFuoriAmbito();
    try {
      return await this.persone.transazione(async (manager) => {
        const persona = await this.persone.inserisci(manager, {
          codiceFiscale: codiceFiscale.value,
          cognome: dto.cognome.trim(),
          nome: dto.nome.trim(),
          dataNascita: dto.dataNascita,
          luogoNascita: dto.luogoNascita,
          sesso: dto.sesso,
          cittadinanza: dto.cittadinanza,
          comuneResidenza: dto.comuneResidenza ?? null,
          statoEsteroResidenza: dto.statoEsteroResidenza ?? null,
          indirizzoResidenza: dto.indirizzoResidenza ?? null,
          telefono: dto.recapiti?.telefono ?? null,
          email: dto.recapiti?.email ?? null,
          cittadinanzaIstat: dto.cittadinanzaIstat ?? null,
          residenteLombardiaDal: dto.residenteInLombardiaDal ?? null,
          comuneDomicilio: dto.comuneDomicilio ?? null,
          indirizzoDomicilio: dto.indirizzoDomicilio?.trim() || null,
          registrataDa: actor.userId,
        });
        await this.audit.consentito(manager, actor, [
          { azione: 'registra', risorsa: 'persona', risorsaId: persona.id, soggettoId: persona.id },
        ]);
        return toPersonaV1(persona);
      });
    } catch (error) {
      if (isViolation(error, '23505', 'uq_persona_codice_fiscale')) {
        throw new DomainError(
          'PERSONA_GIA_REGISTRATA',
          'Una persona con questo codice fiscale è già registrata: cercarla.',
          [{ campo: 'codiceFiscale', messaggi: ['già registrato'] }],
        );
      }
      throw error;
    }
  }
}
