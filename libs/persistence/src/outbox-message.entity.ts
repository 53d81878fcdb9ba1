import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** An event written in the same transaction as the state change; the relay publishes it to JetStream. */
@Entity({ name: 'outbox_message' })
@Index('ix_outbox_message_pending', ['createdAt'], { where: 'published_at IS NULL' })
@Index('ix_outbox_message_published', ['publishedAt'], { where: 'published_at IS NOT NULL' })
export class OutboxMessageEntity {
  /** The event id, also the JetStream `Nats-Msg-Id`. */
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  subject: string;

  @Column('text')
  type: string;

  /** The whole event envelope as published. */
  @Column('jsonb')
  envelope: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column('int', { default: 0 })
  attempts: number;

  @Column('text', { nullable: true })
  lastError: string | null;

  /** Lease of the relay publishing the row: others skip it until then (no transaction held meanwhile). */
  @Column({ type: 'timestamptz', nullable: true })
  claimedUntil: Date | null;

  /** Set aside after NATS refused it too many times: the relay skips it, an operator decides. */
  @Column({ type: 'timestamptz', nullable: true })
  parkedAt: Date | null;

  @Column('text', { nullable: true })
  parkedReason: string | null;
}
