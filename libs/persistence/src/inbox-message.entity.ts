import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** An event already handled by a consumer; its row makes redelivery a no-op. */
@Entity({ name: 'inbox_message' })
@Index('ix_inbox_message_processed', ['processedAt'])
export class InboxMessageEntity {
  @PrimaryColumn('text')
  consumer: string;

  @PrimaryColumn('uuid')
  eventId: string;

  @Column('text')
  type: string;

  @CreateDateColumn({ type: 'timestamptz' })
  processedAt: Date;
}
