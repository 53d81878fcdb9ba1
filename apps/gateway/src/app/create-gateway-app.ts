import { RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { createValidationPipe } from '@ambito/service-runtime';
import { API_PREFIX } from '../common/api-prefix';
import type { GatewayConfig } from '../config/gateway-config';
import { bodyParserErrorMiddleware } from '../context/body-parser-error.middleware';
import { correlationMiddleware } from '../context/correlation.middleware';
import { securityHeadersMiddleware } from '../context/security-headers.middleware';
import { setupOpenApi } from '../openapi/openapi';
import { MERGE_PATCH } from '../openapi/openapi-document';
import { AppModule } from './app.module';

/** Largest JSON body accepted (the longest text fields are 4000 characters). */
const BODY_LIMIT = '256kb';

/**
 * The gateway, configured and initialised but not listening: `main.ts` listens on the configured port,
 * tests drive `getHttpServer()` in-process.
 */
export async function createGatewayApp(config: GatewayConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  // First, so that every answer carries them: errors, 404s and malformed bodies too.
  app.use(securityHeadersMiddleware({ hstsMaxAgeSeconds: config.HSTS_MAX_AGE_SECONDS }));
  // Before anything else, so that even a malformed body gets a correlation id.
  app.use(correlationMiddleware);
  // PATCH bodies are JSON merge patches (RFC 7396); plain JSON is accepted too.
  app.useBodyParser('json', { limit: BODY_LIMIT, type: ['application/json', MERGE_PATCH] });
  app.use(bodyParserErrorMiddleware);
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health/live', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
      { path: 'metrics', method: RequestMethod.GET },
    ],
  });
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  setupOpenApi(app, config);
  await app.init();
  return app;
}
