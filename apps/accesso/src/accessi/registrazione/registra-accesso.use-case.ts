import { Injectable } from '@nestjs/common';
import { ACCESSO_EVENTS, DomainError, type AccessoV1, type RegistraAccessoV1 } from '@ambito/contracts';
import { AuditService, type Traccia } from '@ambito/audit';
import { OutboxWriter, currentActor } from '@ambito/messaging';
import { PersoneRepository } from '../../persone/persone.repository';
import { comuneNellAmbito } from '../../persone/regole-persona';
import { assertScrittura } from '../../scope/ambito-visibilita';
import { TerritorioService } from '../../territorio/territorio.service';
import { AccessiRepository } from '../accessi.repository';
import { toAccessoV1 } from '../lettura/accesso.read-model';
import { assertDataOra, riferimenti } from '../regole-accesso';

/** The colloquio di segretariato sociale, registered at a sede of the operator's sub-ambiti. */
@Injectable()
export class RegistraAccessoUseCase {
  constructor(
    private readonly accessi: AccessiRepository,
    private readonly persone: PersoneRepository,
    private readonly territorio: TerritorioService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxWriter,
  ) {}

  async esegui(dto: RegistraAccessoV1): Promise<AccessoV1> {
    const actor = currentActor();
    const sede = this.territorio.sede(dto.sede);
    const traccia: Traccia = { azione: 'registra', risorsa: 'accesso', soggettoId: dto.personaId };
    try {
      assertScrittura(actor, sede.subAmbito);
    } catch (error) {
      throw await this.audit.negato(actor, traccia, error as Error);
    }
    const dataOra = dto.dataOra ? new Date(dto.dataOra) : new Date();
    assertDataOra(dataOra);
    return this.accessi.transazione(async (manager) => {
      const persona = await this.persone.trova(manager, dto.personaId);
      if (!persona)
        throw new DomainError('PERSONA_NON_TROVATA', 'Persona non trovata: registrarla prima dell’accesso.');
      const accesso = await this.accessi.inserisci(manager, {
        personaId: persona.id,
        // The comune of the Ambito the persona belongs to (a non-resident's domicile); for one who lives
        // elsewhere and comes to the desk, the sede's comune.
        comuneResidenza: comuneNellAmbito(persona, (c) => this.territorio.nellAmbito(c)) ?? sede.comune,
        dataOra,
        sede: sede.codice,
        subAmbito: sede.subAmbito,
        operatoreId: actor.userId,
        operatoreNome: actor.nome,
        canale: dto.canale,
        presentatoDa: dto.presentatoDa,
        referente: dto.presentatoDa === 'interessato' ? null : (dto.referente ?? null),
        areaBisogno: dto.areaBisogno,
        richiesta: dto.richiesta,
        note: dto.note ?? null,
        stato: 'aperto',
      });
      await this.outbox.append(manager, ACCESSO_EVENTS.accessoRegistrato, {
        ...riferimenti(accesso),
        canale: accesso.canale,
        dataOra: accesso.dataOra.toISOString(),
        operatoreId: actor.userId,
      });
      await this.audit.consentito(manager, actor, [{ ...traccia, risorsaId: accesso.id }]);
      return toAccessoV1({ ...accesso, persona, annotazioni: [] });
    });
  }
}
