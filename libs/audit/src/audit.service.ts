import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { DomainError, type Actor, type EsitoAudit } from '@ambito/contracts';
import { RequestContext, istruzionePreparata } from '@ambito/messaging';
import { OPZIONI_AUDIT, type OpzioniAudit } from './audit-options';
import type { Traccia } from './traccia';
import { VoceAuditEntity, type CriteriAudit } from './voce-audit.entity';

/** The row of `rigaConsentita`, for a named prepared statement. */
const INSERISCI_CONSENTITA = `INSERT INTO voce_audit (utente, ruoli, azione, risorsa, risorsa_id, soggetto_tipo, soggetto_id, motivo,
                           finalita, esito, correlation_id)
   VALUES ($1, $2::text[], $3, $4, $5, $6, $7::uuid, $8, $9, 'consentito', $10)`;

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
    if (tracce.length === 1) {
      // Every audited read writes one row: a prepared statement, not an entity insert (issue 15).
      const r = this.rigaConsentita(actor, tracce[0]);
      await manager.query(istruzionePreparata(INSERISCI_CONSENTITA), [
        r.utente,
        r.ruoli,
        r.azione,
        r.risorsa,
        r.risorsaId,
        r.soggettoTipo,
        r.soggettoId,
        r.motivo,
        r.finalita,
        r.correlationId,
      ]);
      return;
    }
    await manager.insert(
      VoceAuditEntity,
      tracce.map((t) => this.voce(actor, t, 'consentito', null)),
    );
  }

  /**
   * The row `consentito` would insert, as values for a statement the caller writes itself (an operation,
   * its outbox row and its audit row in one round trip: accesso's registra). Columns of `voce_audit`:
   * see `VoceAuditEntity`; `esito` is `consentito`, `codice_errore` null.
   */
  rigaConsentita(actor: Actor, traccia: Traccia): RigaAuditConsentita {
    const v = this.voce(actor, traccia, 'consentito', null);
    return {
      utente: v.utente!,
      ruoli: v.ruoli!,
      azione: v.azione!,
      risorsa: v.risorsa!,
      risorsaId: v.risorsaId ?? null,
      soggettoTipo: v.soggettoTipo!,
      soggettoId: v.soggettoId ?? null,
      motivo: v.motivo ?? null,
      finalita: v.finalita ?? null,
      correlationId: v.correlationId ?? null,
    };
  }

  /**
   * A search or a list of personal data: one row for the search itself, with its criteria (even when it
   * found nothing: who looked for whom is the point), then one row per subject it returned. In the
   * caller's transaction or on the data source's manager, like `consentito`.
   */
  async ricerca(manager: EntityManager, actor: Actor, ricerca: Ricerca): Promise<void> {
    await manager.insert(VoceAuditEntity, [
      {
        ...this.voce(actor, ricerca.traccia, 'consentito', null),
        criteri: ricerca.criteri,
      },
      ...ricerca.risultati.map((t) => this.voce(actor, t, 'consentito', null)),
    ]);
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
      finalita: ctx?.finalita ?? null,
      esito,
      codiceErrore,
      correlationId: ctx?.correlationId || null,
    };
  }
}

/** An allowed operation's audit row, column by column (see `AuditService.rigaConsentita`). */
export interface RigaAuditConsentita {
  utente: string;
  ruoli: string[];
  azione: string;
  risorsa: string;
  risorsaId: string | null;
  soggettoTipo: string;
  soggettoId: string | null;
  motivo: string | null;
  finalita: string | null;
  correlationId: string | null;
}

/** A search to record: its own trace (no subject, or the one it was about), criteria and results. */
export interface Ricerca {
  traccia: Traccia;
  criteri: CriteriAudit;
  risultati: Traccia[];
}

/**
 * The criteria of a search as the audit log keeps them: every filter given, by name; the value only
 * for the filters named in `valoriRegistrati` (those that are not personal data: a state, a sub-ambito,
 * a period, a subject's uuid, the page). Any other value (a name, a codice fiscale, free text) is
 * recorded as `"*"`: copying it would spread personal data into a table read by other people and kept
 * longer, and the rows of the subjects the search returned already say whose data it reached. An
 * allow-list, so a filter added later is masked until someone decides otherwise.
 */
export function criteriDaRegistrare(filtro: object, valoriRegistrati: readonly string[]): CriteriAudit {
  const criteri: CriteriAudit = {};
  for (const [campo, valore] of Object.entries(filtro) as Array<[string, unknown]>)
    if (valore !== undefined && valore !== null && valore !== '')
      criteri[campo] = !valoriRegistrati.includes(campo)
        ? '*'
        : typeof valore === 'number' || typeof valore === 'boolean'
          ? valore
          : String(valore);
  return criteri;
}

export function codiceErrore(error: Error): string {
  return error instanceof DomainError ? error.code : 'ERRORE_INTERNO';
}
