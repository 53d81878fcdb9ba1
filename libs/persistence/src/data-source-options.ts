import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import { InboxMessageEntity } from './inbox-message.entity';
import { OutboxMessageEntity } from './outbox-message.entity';
import { CreateOutboxInbox1763800000000 } from './create-outbox-inbox.migration';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export interface ServiceDataSourceConfig {
  /** postgres:// URL of the cluster/database. */
  url: string;
  /** The service's own schema: a service never reads another's tables. */
  schema: string;
  /** Service name, shown in pg_stat_activity. */
  applicationName: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
  poolSize?: number;
}

/**
 * TypeORM options shared by every service: own schema, snake_case names, migrations (never
 * `synchronize`), outbox/inbox entities and their migration included.
 */
export function serviceDataSourceOptions(config: ServiceDataSourceConfig): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.url,
    schema: config.schema,
    applicationName: config.applicationName,
    namingStrategy: new SnakeNamingStrategy(),
    entities: [
      OutboxMessageEntity,
      InboxMessageEntity,
      ...(config.entities as unknown[]),
    ] as DataSourceOptions['entities'],
    migrations: [CreateOutboxInbox1763800000000, ...config.migrations],
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    extra: { max: config.poolSize ?? 10, options: `-c search_path=${config.schema}` },
  };
}
