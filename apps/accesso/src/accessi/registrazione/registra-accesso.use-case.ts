import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ACCESSO_EVENTS, DomainError, type AccessoV1, type RegistraAccessoV1 } from '@ambito/contracts';
import { AuditService, type Traccia } from '@ambito/audit';
import { OutboxWriter, currentActor } from '@ambito/messaging';
import { assertScrittura } from '../../scope/ambito-visibilita';
import { TerritorioService } from '../../territorio/territorio.service';
import type { AccessoEntity } from '../accesso.entity';
import { toAccessoV1 } from '../lettura/accesso.read-model';
import { assertDataOra, riferimenti } from '../regole-accesso';
import { RegistrazioneRepository } from './registrazione.repository';

/** The colloquio di segretariato sociale, registered at a sede of the operator's sub-ambiti. */
@Injectable()
export class RegistraAccessoUseCase {
  constructor(
    private readonly registrazione: RegistrazioneRepository,
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
    const accesso = {
      id: randomUUID(),
      personaId: dto.personaId,
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
    };
    // The comune of the Ambito the persona belongs to (a non-resident's domicile); for one who lives
    // elsewhere and comes to the desk, the sede's comune: decided by the statement, which reads the
    // persona (comuneNellAmbito in SQL) and writes the same value into the event.
    const comune = { comuniAmbito: this.territorio.istatAmbito(), comuneSede: sede.comune };
    const evento = this.outbox.riga(ACCESSO_EVENTS.accessoRegistrato, {
      ...riferimenti({ ...accesso, comuneResidenza: sede.comune }),
      canale: accesso.canale,
      dataOra: accesso.dataOra.toISOString(),
      operatoreId: actor.userId,
    });
    const voce = this.audit.rigaConsentita(actor, { ...traccia, risorsaId: accesso.id });
    // Row, outbox row (+ NOTIFY) and audit row: one statement, one round trip (issue 15).
    const scritto = await this.registrazione.registra(accesso, comune, evento, voce);
    if (!scritto)
      throw new DomainError('PERSONA_NON_TROVATA', 'Persona non trovata: registrarla prima dell’accesso.');
    return toAccessoV1({
      ...accesso,
      comuneResidenza: scritto.comuneResidenza,
      persona: scritto.persona,
      stato: 'aperto',
      esitoTipo: null,
      chiusoIl: null,
      annotazioni: [],
    } as unknown as AccessoEntity);
  }
}
