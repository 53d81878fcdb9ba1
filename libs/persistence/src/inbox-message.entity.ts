import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** An event already handled by a consumer; its row makes redelivery a no-op. */
@Entity({ name: 'inbox_message' })
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
