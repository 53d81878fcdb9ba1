export * from './infra/free-port';
export * from './infra/wait-for-port';
export * from './infra/embedded-postgres';
export * from './infra/nats-server';
export * from './infra/service-process';
export * from './database';
export * from './eventually';
