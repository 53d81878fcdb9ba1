import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor, EsitoAudit } from '@ambito/contracts';
import { RequestContext } from '@ambito/messaging';
import { VoceAuditEntity } from './voce-audit.entity';

export interface Traccia {
  azione: string;
  risorsa: 'persona' | 'accesso';
  risorsaId?: string | null;
  personaId?: string | null;
}

/**
 * Who read or wrote whose personal data, when and why (the declared motivo). Allowed operations are
 * recorded in the same transaction as the operation; refusals on their own, since nothing else commits.
 */
@Injectable()
export class AuditService {
  private readonly logger = new Logger(AuditService.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async consentito(manager: EntityManager, actor: Actor, tracce: Traccia[]): Promise<void> {
    if (tracce.length === 0) return;
    await manager.insert(
      VoceAuditEntity,
      tracce.map((t) => voce(actor, t, 'consentito')),
    );
  }

  /** Records a refusal and returns the error to throw, so the caller reads `throw await audit.negato(...)`. */
  async negato<E extends Error>(
    actor: Actor,
    traccia: Traccia,
    error: E,
    opzioni: { rilancia?: boolean } = {},
  ): Promise<E> {
    try {
      await this.dataSource.manager.insert(VoceAuditEntity, voce(actor, traccia, 'negato'));
    } catch (failure) {
      this.logger.error({ err: failure, azione: traccia.azione }, 'voce di audit non registrata');
      if (opzioni.rilancia) throw failure;
    }
    return error;
  }
}

function voce(actor: Actor, t: Traccia, esito: EsitoAudit): Partial<VoceAuditEntity> {
  const ctx = RequestContext.current();
  return {
    utente: actor.userId,
    ruoli: actor.ruoli,
    azione: t.azione,
    risorsa: t.risorsa,
    risorsaId: t.risorsaId ?? null,
    personaId: t.personaId ?? null,
    motivo: ctx?.motivo ?? null,
    esito,
    correlationId: ctx?.correlationId ?? null,
  };
}
