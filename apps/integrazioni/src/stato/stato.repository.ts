import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { OutboxMessageEntity } from '@ambito/persistence';

/** Reads of the service's own schema for the stato feature: SQL and TypeORM stay behind this class. */
@Injectable()
export class StatoRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Events written to the transactional outbox (published or not). */
  contaMessaggiOutbox(): Promise<number> {
    return this.dataSource.getRepository(OutboxMessageEntity).count();
  }
}
