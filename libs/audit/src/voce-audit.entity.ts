import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { EsitoAudit } from '@ambito/contracts';

/** The criteria of a search: filter name → value (or `"*"` for a personal value). */
export type CriteriAudit = Record<string, string | number | boolean>;

/**
 * One read or write of personal data, or a refused attempt: the same table `voce_audit` in every
 * service that keeps personal data, in the service's own schema. Append-only (a trigger refuses the rest).
 */
@Entity('voce_audit')
export class VoceAuditEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @CreateDateColumn({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  il: Date;

  /** Who: user id and the roles it acted with. */
  @Column('text')
  utente: string;

  @Column('text', { array: true })
  ruoli: string[];

  @Column('text')
  azione: string;

  /** What was touched: `accesso`, `persona`, `cartella`, `progetto`, … and its id when there is one. */
  @Column('text')
  risorsa: string;

  @Column('text', { nullable: true })
  risorsaId: string | null;

  /**
   * Whose data: the kind of data subject the service keeps (`persona` in accesso, `cartella` in
   * presa-in-carico) and its id; the id is null when no single subject was reached (a refused search).
   */
  @Column('text')
  soggettoTipo: string;

  @Column('uuid', { nullable: true })
  soggettoId: string | null;

  /** The purpose declared by the caller (GDPR), from the request context: the text... */
  @Column('text', { nullable: true })
  motivo: string | null;

  /** ...and its code (FINALITA); null for rows written before purposes were required, and for writes. */
  @Column('text', { nullable: true })
  finalita: string | null;

  /**
   * The criteria of a search or list (one row per search, besides one row per subject it returned):
   * the filter names, with the value only for non-personal filters (see AuditService.ricerca).
   */
  @Column('jsonb', { nullable: true })
  criteri: CriteriAudit | null;

  @Column('text')
  esito: EsitoAudit;

  /** The error code of a refusal; null when allowed. */
  @Column('text', { nullable: true })
  codiceErrore: string | null;

  @Column('text', { nullable: true })
  correlationId: string | null;
}
