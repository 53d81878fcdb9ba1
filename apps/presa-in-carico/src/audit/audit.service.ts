import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { DomainError, type Actor, type EsitoAudit } from '@ambito/contracts';
import { RequestContext } from '@ambito/messaging';
import { VoceAuditEntity } from './voce-audit.entity';

export interface Traccia {
  azione: string;
  risorsa: 'cartella' | 'progetto' | 'equipe' | 'statistiche';
  risorsaId?: string | null;
  cartellaId?: string | null;
}

/**
 * Who read or wrote which cartella, when and why (the declared motivo). Allowed operations are
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
      tracce.map((t) => voce(actor, t, 'consentito', null)),
    );
  }

  /** Records a refusal and returns the error to throw, so the caller reads `throw await audit.negato(...)`. */
  async negato<E extends Error>(actor: Actor, traccia: Traccia, error: E): Promise<E> {
    try {
      const codice = error instanceof DomainError ? error.code : 'ERRORE_INTERNO';
      await this.dataSource.manager.insert(VoceAuditEntity, voce(actor, traccia, 'negato', codice));
    } catch (failure) {
      // The refusal stands even if it cannot be recorded; the log keeps the trace.
      this.logger.error({ err: failure, azione: traccia.azione }, 'voce di audit non registrata');
    }
    return error;
  }
}

function voce(
  actor: Actor,
  t: Traccia,
  esito: EsitoAudit,
  codiceErrore: string | null,
): Partial<VoceAuditEntity> {
  const ctx = RequestContext.current();
  return {
    utente: actor.userId,
    ruoli: actor.ruoli,
    azione: t.azione,
    risorsa: t.risorsa,
    risorsaId: t.risorsaId ?? null,
    cartellaId: t.cartellaId ?? null,
    motivo: ctx?.motivo ?? null,
    esito,
    codiceErrore,
    correlationId: ctx?.correlationId ?? null,
  };
}
