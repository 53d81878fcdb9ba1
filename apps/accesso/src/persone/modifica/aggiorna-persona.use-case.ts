import { giornoInItalia } from '@ambito/kernel';
import { Injectable } from '@nestjs/common';
import {
  ACCESSO_EVENTS,
  DomainError,
  type AggiornaPersonaV1,
  type PersonaV1,
  type RegistraDecessoV1,
} from '@ambito/contracts';
import { AuditService } from '@ambito/audit';
import { OutboxWriter, currentActor } from '@ambito/messaging';
import type { EntityManager } from 'typeorm';
import { isOperatore, nonConsentito } from '../../scope/ambito-visibilita';
import { TerritorioService } from '../../territorio/territorio.service';
import { ambitoPersone } from '../lettura/persone.queries';
import { PersonaEntity, toPersonaV1 } from '../persona.entity';
import { PersoneRepository } from '../persone.repository';
import { assertResidenzaLombardia, assertUnaResidenza } from '../regole-persona';

/** What a change publishes, in the transaction of the change. */
type Pubblica = (manager: EntityManager) => Promise<void>;

const CAMPI = [
  'cittadinanza',
  'cittadinanzaIstat',
  'comuneResidenza',
  'statoEsteroResidenza',
  'indirizzoResidenza',
  'residenteInLombardiaDal',
  'comuneDomicilio',
  'indirizzoDomicilio',
  'recapiti',
] as const;

/**
 * An operator corrects or updates a persona within its territory (not the codice fiscale nor the birth
 * data): audited, and `accesso.persona.aggiornata` names the changed fields (no values). A new residence
 * (any Italian comune, or abroad) also publishes `accesso.persona.residenza-cambiata` with the comune and
 * its sub-ambito: presa-in-carico moves an open cartella to the équipe of another sub-ambito.
 */
@Injectable()
export class AggiornaPersonaUseCase {
  constructor(
    private readonly persone: PersoneRepository,
    private readonly territorio: TerritorioService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxWriter,
  ) {}

  async aggiorna(dto: AggiornaPersonaV1): Promise<PersonaV1> {
    return this.modifica(dto.id, 'aggiorna', (p) => {
      if (dto.residenteInLombardiaDal !== undefined)
        assertResidenzaLombardia(dto.residenteInLombardiaDal, p.dataNascita);
      assertUnaResidenza(dto.comuneResidenza, dto.statoEsteroResidenza);
      const campi = CAMPI.filter((c) => dto[c] !== undefined);
      if (campi.length === 0)
        throw new DomainError('VALIDAZIONE_FALLITA', 'Nessun campo da aggiornare.', [
          { campo: 'id', messaggi: ['indicare almeno un campo da aggiornare'] },
        ]);
      const residenzaPrima = [p.comuneResidenza, p.statoEsteroResidenza].join();
      if (dto.cittadinanza !== undefined) p.cittadinanza = dto.cittadinanza;
      if (dto.cittadinanzaIstat !== undefined) p.cittadinanzaIstat = dto.cittadinanzaIstat;
      if (dto.comuneResidenza !== undefined) {
        p.comuneResidenza = dto.comuneResidenza;
        p.statoEsteroResidenza = null;
      }
      if (dto.statoEsteroResidenza !== undefined) {
        p.statoEsteroResidenza = dto.statoEsteroResidenza;
        p.comuneResidenza = null;
      }
      if (dto.indirizzoResidenza !== undefined) p.indirizzoResidenza = dto.indirizzoResidenza.trim() || null;
      if (dto.residenteInLombardiaDal !== undefined) p.residenteLombardiaDal = dto.residenteInLombardiaDal;
      if (dto.comuneDomicilio !== undefined) p.comuneDomicilio = dto.comuneDomicilio;
      if (dto.indirizzoDomicilio !== undefined) p.indirizzoDomicilio = dto.indirizzoDomicilio.trim() || null;
      if (dto.recapiti !== undefined) {
        p.telefono = dto.recapiti.telefono ?? null;
        p.email = dto.recapiti.email ?? null;
      }
      const trasferita = residenzaPrima !== [p.comuneResidenza, p.statoEsteroResidenza].join();
      return async (manager) => {
        await this.outbox.append(manager, ACCESSO_EVENTS.personaAggiornata, {
          personaId: p.id,
          campi: [...campi],
        });
        if (trasferita)
          await this.outbox.append(manager, ACCESSO_EVENTS.residenzaCambiata, {
            personaId: p.id,
            comuneResidenza: p.comuneResidenza,
            subAmbito: this.territorio.subAmbitoDi(p.comuneResidenza),
          });
      };
    });
  }

  async registraDecesso(dto: RegistraDecessoV1): Promise<PersonaV1> {
    return this.modifica(dto.id, 'registra-decesso', (p) => {
      if (p.dataDecesso)
        throw new DomainError('TRANSIZIONE_NON_CONSENTITA', 'Il decesso di questa persona è già registrato.');
      const oggi = giornoInItalia();
      if (
        dto.dataDecesso > oggi ||
        dto.dataDecesso < p.dataNascita ||
        Number.isNaN(Date.parse(dto.dataDecesso))
      )
        throw new DomainError('DATA_NON_VALIDA', 'Data del decesso impossibile.', [
          { campo: 'dataDecesso', messaggi: ['data inesistente, futura o anteriore alla nascita'] },
        ]);
      p.dataDecesso = dto.dataDecesso;
      return async (manager) => {
        await this.outbox.append(manager, ACCESSO_EVENTS.personaDeceduta, {
          personaId: p.id,
          dataDecesso: dto.dataDecesso,
        });
      };
    });
  }

  private async modifica(
    id: string,
    azione: string,
    cambia: (p: PersonaEntity) => Pubblica,
  ): Promise<PersonaV1> {
    const actor = currentActor();
    const traccia = { azione, risorsa: 'persona' as const, risorsaId: id, soggettoId: id };
    if (!isOperatore(actor)) throw await this.audit.negato(actor, traccia, nonConsentito());
    const nonTrovata = new DomainError('PERSONA_NON_TROVATA', 'Persona non trovata.');
    const visibile = await this.persone.trovaVisibile(id, ambitoPersone(actor, this.territorio));
    if (!visibile) {
      const esiste = await this.persone.esiste(id);
      throw esiste ? await this.audit.negato(actor, traccia, nonTrovata) : nonTrovata;
    }
    return this.persone.transazione(async (manager) => {
      const persona = await manager.findOneOrFail(PersonaEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      const pubblica = cambia(persona);
      await manager.save(persona);
      await pubblica(manager);
      await this.audit.consentito(manager, actor, [traccia]);
      return toPersonaV1(persona);
    });
  }
}
