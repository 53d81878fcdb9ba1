export * from './snake-naming.strategy';
export * from './outbox-message.entity';
export * from './inbox-message.entity';
export * from './create-outbox-inbox.migration';
export * from './data-source-options';
export * from './run-migrations';
