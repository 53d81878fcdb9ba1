import { Logger, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger as PinoLogger } from 'nestjs-pino';
import { ConfigurationError } from '../config/load-config';
import type { ServiceConfig } from '../config/service-config';

/**
 * A service's Nest application, initialised but not listening: JSON logs, no framework banner, graceful
 * shutdown; its NATS handlers and event consumers start with it (MessagingModule). `main.ts` listens,
 * tests may too.
 */
export async function createServiceApp(module: unknown): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(module as never, { bufferLogs: true });
  app.useLogger(app.get(PinoLogger));
  // NestFactory.create does not flush on useLogger: without this, every Nest Logger line (an unhandled
  // error of a handler, a dead letter) stayed in Nest's start-up buffer, unwritten and growing.
  app.flushLogs();
  app.disable('x-powered-by');
  app.enableShutdownHooks();
  await app.init();
  return app;
}

export interface BootSpec<C extends ServiceConfig> {
  service: string;
  loadConfig: () => C;
  createApp: (config: C) => Promise<INestApplication>;
  /** Errors whose message alone explains a failed start (e.g. an invalid territorio file). */
  explains?: (error: unknown) => string | undefined;
  /**
   * `main.js migrate`: applies the service's pending migrations as the schema's owner and exits, without
   * serving (the Kubernetes Job that runs before a rollout; docs/operations.md). Returns their names.
   */
  migrate?: (config: C) => Promise<string[]>;
}

/** The argument of the migrate-only entry point: `node … dist/apps/<service>/src/main.js migrate`. */
export const MIGRATE_ONLY_ARGUMENT = 'migrate';

/**
 * The whole `main.ts` of a service: configuration validated (a clear message and exit 1 otherwise),
 * the application created and listening on HTTP (health, metrics), one log line when ready.
 */
export function bootService<C extends ServiceConfig>(spec: BootSpec<C>): void {
  const start = async (): Promise<void> => {
    let config: C;
    try {
      config = spec.loadConfig();
    } catch (error) {
      if (!(error instanceof ConfigurationError)) throw error;
      console.error(`${spec.service}: ${error.message}`);
      process.exit(1);
    }
    if (process.argv[2] === MIGRATE_ONLY_ARGUMENT) {
      if (!spec.migrate) throw new Error(`${spec.service} non ha migrazioni`);
      const applied = await spec.migrate(config);
      console.log(
        JSON.stringify({
          service: spec.service,
          msg: applied.length
            ? `migrazioni applicate: ${applied.join(', ')}`
            : 'nessuna migrazione da applicare',
        }),
      );
      process.exit(0);
    }
    const app = await spec.createApp(config);
    await app.listen(config.HTTP_PORT, config.HTTP_HOST);
    new Logger(spec.service).log(
      { port: config.HTTP_PORT, ambito: config.AMBITO_CODICE },
      `servizio ${spec.service} avviato`,
    );
  };
  start().catch((error: unknown) => {
    console.error(`${spec.service}: avvio non riuscito`, spec.explains?.(error) ?? error);
    process.exit(1);
  });
}
