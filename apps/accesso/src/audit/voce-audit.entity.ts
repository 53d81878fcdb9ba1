import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { EsitoAudit, VoceAuditV1 } from '@ambito/contracts';

/** One read or write of personal data, or a refused attempt. Append-only (a trigger refuses the rest). */
@Entity('voce_audit')
export class VoceAuditEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @CreateDateColumn({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  il: Date;

  @Column('text')
  utente: string;

  @Column('text', { array: true })
  ruoli: string[];

  @Column('text')
  azione: string;

  @Column('text')
  risorsa: string;

  @Column('text', { nullable: true })
  risorsaId: string | null;

  @Column('uuid', { nullable: true })
  personaId: string | null;

  @Column('text', { nullable: true })
  motivo: string | null;

  @Column('text')
  esito: EsitoAudit;

  @Column('text', { nullable: true })
  correlationId: string | null;
}

export function toVoceAuditV1(v: VoceAuditEntity): VoceAuditV1 {
  return {
    id: v.id,
    il: v.il.toISOString(),
    utente: v.utente,
    ruoli: v.ruoli,
    azione: v.azione,
    risorsa: v.risorsa,
    risorsaId: v.risorsaId,
    personaId: v.personaId,
    motivo: v.motivo,
    esito: v.esito,
    correlationId: v.correlationId,
  };
}
