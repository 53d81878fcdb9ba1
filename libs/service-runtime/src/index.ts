export * from './config/load-config';
export * from './config/service-config';
export * from './validation/validation-pipe';
export * from './logging/logging.module';
export * from './metrics/metrics';
export * from './health/health';
export * from './version/app-version';
export * from './boot/boot-service';
