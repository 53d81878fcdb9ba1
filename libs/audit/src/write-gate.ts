import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { DomainError, type Actor } from '@ambito/contracts';
import { currentActor } from '@ambito/messaging';
import { AuditService } from './audit.service';
import type { Traccia } from './traccia';

/**
 * One write on an aggregate through the gate. `C` is what the loader finds (possibly null), `A` the
 * aggregate once the scope check let it through, `T` the result of the change.
 */
export interface Varco<C, A, T> {
  /**
   * Loads the aggregate locked for the transaction (`lock: { mode: 'pessimistic_write' }`, i.e.
   * SELECT … FOR UPDATE), so concurrent writes on it are serialised. What it throws is not audited.
   */
  carica(manager: EntityManager): Promise<C>;
  /** The trace of this write (success or refusal), from what was loaded. */
  traccia(caricato: C): Traccia;
  /** The scope check: returns the aggregate the actor may write, or throws a DomainError (audited). */
  verifica(caricato: C, actor: Actor): A;
  /** The change, in the same transaction. */
  cambia(manager: EntityManager, aggregato: A, actor: Actor): Promise<T>;
  /**
   * Which DomainErrors are recorded as refusals: those of the scope check only (`ambito`), or also
   * those of the change (`tutti`, the default: e.g. a closed cartella).
   */
  rifiuti?: 'ambito' | 'tutti';
}

/**
 * The single way a service writes an aggregate that holds personal data, in ONE transaction:
 * lock the row → scope check → change → audit row. On a refusal (a DomainError) the change is rolled
 * back to a savepoint taken after the lock, the refusal is recorded with its error code, the
 * transaction commits (the audit row only) and the error is thrown. Any other error rolls back
 * everything, audit included; an audit row that cannot be written fails the request.
 */
@Injectable()
export class WriteGate {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async scrivi<C, A, T>(varco: Varco<C, A, T>): Promise<T> {
    const actor = currentActor();
    const esito = await this.dataSource.transaction(async (manager) => {
      const caricato = await varco.carica(manager);
      const traccia = varco.traccia(caricato);
      await manager.query('SAVEPOINT write_gate');
      let fase: 'ambito' | 'cambio' = 'ambito';
      try {
        const aggregato = varco.verifica(caricato, actor);
        fase = 'cambio';
        const risultato = await varco.cambia(manager, aggregato, actor);
        await this.audit.consentito(manager, actor, [traccia]);
        return { ok: true as const, risultato };
      } catch (error) {
        const daRegistrare =
          error instanceof DomainError && (fase === 'ambito' || (varco.rifiuti ?? 'tutti') === 'tutti');
        if (!daRegistrare) throw error;
        await manager.query('ROLLBACK TO SAVEPOINT write_gate');
        await this.audit.negato(actor, traccia, error, manager);
        return { ok: false as const, error };
      }
    });
    if (!esito.ok) throw esito.error;
    return esito.risultato;
  }
}
