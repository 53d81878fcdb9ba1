export * from './permessi-nats';
export * from './configurazione-nats';
