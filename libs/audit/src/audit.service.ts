import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { DomainError, type Actor, type EsitoAudit } from '@ambito/contracts';
import { RequestContext } from '@ambito/messaging';
import { OPZIONI_AUDIT, type OpzioniAudit } from './audit-options';
import type { Traccia } from './traccia';
import { VoceAuditEntity } from './voce-audit.entity';

/** `utente` of a request refused because its actor could not be verified: who sent it is not known. */
export const UTENTE_NON_VERIFICATO = '(non verificato)';

/**
 * Who read or wrote whose personal data, when and why (the declared motivo). Allowed operations are
 * recorded in the same transaction as the operation; refusals on their own (or after a rollback to a
 * savepoint, see WriteGate), since nothing else commits. A refusal that cannot be recorded is an error:
 * the log says so without personal data and the failure is thrown, never swallowed.
 */
@Injectable()
export class AuditService {
  private readonly logger = new Logger(AuditService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(OPZIONI_AUDIT) private readonly opzioni: OpzioniAudit,
  ) {}

  async consentito(manager: EntityManager, actor: Actor, tracce: Traccia[]): Promise<void> {
    if (tracce.length === 0) return;
    await manager.insert(
      VoceAuditEntity,
      tracce.map((t) => this.voce(actor, t, 'consentito', null)),
    );
  }

  /**
   * Records a refusal and returns the error to throw, so the caller reads `throw await audit.negato(...)`.
   * Written with `manager` when given (a transaction that will commit), else on its own.
   */
  async negato<E extends Error>(
    actor: Actor,
    traccia: Traccia,
    error: E,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<E> {
    const codice = codiceErrore(error);
    try {
      await manager.insert(VoceAuditEntity, this.voce(actor, traccia, 'negato', codice));
    } catch (failure) {
      // No ids, names or driver messages here: a failed row's detail would carry them into the log.
      const f = failure as { name?: string; code?: string; driverError?: { code?: string } };
      this.logger.error(
        {
          azione: traccia.azione,
          risorsa: traccia.risorsa,
          codiceErrore: codice,
          correlationId: RequestContext.current()?.correlationId,
          causa: f?.driverError?.code ?? f?.code ?? f?.name,
        },
        'voce di audit di un rifiuto non registrata',
      );
      throw failure;
    }
    return error;
  }

  /**
   * A request refused because its actor is not verified (absent, forged, expired, replayed): no user,
   * no roles, no purpose, no ids — all of them came with the request and may be invented. Only the
   * action, the resource, the error code and the correlation id (if plausible) are recorded.
   */
  async identitaNonVerificata(
    traccia: Pick<Traccia, 'azione' | 'risorsa'>,
    error: DomainError,
  ): Promise<void> {
    const sconosciuto: Actor = {
      userId: UTENTE_NON_VERIFICATO,
      nome: '',
      ruoli: [],
      ambito: '',
      subAmbiti: [],
      comuni: [],
    };
    await this.negato(sconosciuto, { azione: traccia.azione, risorsa: traccia.risorsa }, error);
  }

  private voce(
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
      soggettoTipo: t.soggettoTipo ?? this.opzioni.soggettoTipo,
      soggettoId: t.soggettoId ?? null,
      motivo: ctx?.motivo ?? null,
      esito,
      codiceErrore,
      correlationId: ctx?.correlationId || null,
    };
  }
}

export function codiceErrore(error: Error): string {
  return error instanceof DomainError ? error.code : 'ERRORE_INTERNO';
}
