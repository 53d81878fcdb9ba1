import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { EsitoAudit } from '@ambito/contracts';

/** One read or write of a cartella, or a refused attempt. Append-only (a trigger refuses the rest). */
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
  cartellaId: string | null;

  @Column('text', { nullable: true })
  motivo: string | null;

  @Column('text')
  esito: EsitoAudit;

  @Column('text', { nullable: true })
  codiceErrore: string | null;

  @Column('text', { nullable: true })
  correlationId: string | null;
}
