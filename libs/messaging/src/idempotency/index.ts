export * from './deadline';
export * from './request-hash';
export * from './served-request';
export * from './idempotency-subscriber';
export * from './idempotency-store';
export * from './una-istruzione';
