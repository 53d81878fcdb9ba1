export * from './permessi-nats';
export * from './configurazione-nats';
export * from './configurazioni-deploy';
