import type { INestApplication } from '@nestjs/common';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { APP_VERSION } from '@ambito/service-runtime';
import type { GatewayConfig } from '../config/gateway-config';
import { ROTTE } from '../routes/routes.module';
import { documentoOpenApi } from './openapi-document';

export const DOCS_PATH = 'api/docs';
export const DOCS_JSON_PATH = 'api/docs-json';

/** Swagger UI at `/api/docs`, JSON at `/api/docs-json` (outside the `/api/v1` prefix, public). */
export function setupOpenApi(app: INestApplication, config: GatewayConfig): void {
  const documento = documentoOpenApi(ROTTE, {
    versione: APP_VERSION,
    emittenteLocale: config.AUTH_MODE === 'demo',
  }) as unknown as OpenAPIObject;
  SwaggerModule.setup(DOCS_PATH, app, documento, {
    jsonDocumentUrl: DOCS_JSON_PATH,
    yamlDocumentUrl: 'api/docs-yaml',
    customSiteTitle: 'Ambito — API',
    swaggerOptions: { persistAuthorization: true },
  });
}
