export * from './common/ruolo';
export * from './common/gruppi-ruoli';
export * from './common/actor';
export * from './common/headers';
export * from './common/event-envelope';
export * from './common/error-codes';
export * from './common/domain-error';
export * from './common/declarations';
export * from './common/schema-decorators';
export * from './common/validation';
export * from './common/pagination';
export * from './accesso';
export * from './budget';
export * from './presa-in-carico';
// @ambito/tools:service exports a new service's contracts above this line.
export * from './registry';
export * from './common/json-schema';
export * from './asyncapi/asyncapi-document';
