import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { AggiornaAccessoBodyV1 } from '../accessi/aggiorna-accesso.body';
import { AnnotaAccessoBodyV1 } from '../accessi/annota-accesso.body';
import { APP_VERSION } from '@ambito/service-runtime';
import { RichiestaToken } from '../auth/richiesta-token.body';
import {
  DecidiVariazioneBodyV1,
  LiberaImpegnoBodyV1,
  RegistraLiquidazioneBodyV1,
  RegistraMandatoBodyV1,
} from '../budget/budget.bodies';
import {
  AggiornaNucleoBodyV1,
  AnnotaDiarioBodyV1,
  ApprovaProgettoBodyV1,
  AssegnaCartellaBodyV1,
  AssegnaEquipeCasoBodyV1,
  ChiudiCartellaBodyV1,
  ProponiProgettoBodyV1,
  RegistraValutazioneBodyV1,
  RegistraVerificaBodyV1,
  RespingiProgettoBodyV1,
  TrasferisciCartellaBodyV1,
} from '../cartelle/cartelle.bodies';
import type { GatewayConfig } from '../config/gateway-config';
import { classSchema, contractSchemas } from './contract-schemas';
import { BUDGET_RESPONSE_SCHEMAS } from './budget-schemas';
import { CARTELLE_SCHEMAS } from './cartelle-schemas';
import { RESPONSE_SCHEMAS } from './response-schemas';

export const DOCS_PATH = 'api/docs';
export const DOCS_JSON_PATH = 'api/docs-json';

const DESCRIZIONE = `API REST della piattaforma d'Ambito Territoriale Sociale: territorio, persone, accessi al segretariato sociale e loro esiti, cartelle sociali (presa in carico, valutazione, progetto personalizzato), statistiche per l'Ufficio di Piano, registro degli accessi ai dati personali, budget d'Ambito (fondi, dotazioni, impegni, liquidazioni, quote dei comuni).

- **Autenticazione**: \`Authorization: Bearer <JWT>\`, emesso dal fornitore di identità dell'Ambito (OpenID Connect) oppure, solo in sviluppo, da \`POST /api/v1/auth/token\` per gli utenti dimostrativi.
- **Ambito territoriale**: ogni servizio limita i dati al sub-ambito o al comune dell'utente; fuori ambito la risposta è 403 \`FUORI_AMBITO_TERRITORIALE\`.
- **Errori**: \`application/problem+json\` (RFC 9457) con \`code\` stabile, \`detail\` in italiano e, per i dati non validi, i campi in \`errori\`.
- **Correlazione**: l'header \`X-Correlation-Id\` (generato se assente) torna nella risposta e segue la richiesta fra i servizi.
- **Finalità (GDPR)**: l'header facoltativo \`X-Motivo\` dichiara perché si leggono i dati personali ed è registrato nell'audit.`;

/** Bodies declared by the gateway itself (contract commands without the path id, token request). */
const GATEWAY_BODIES: Record<string, new () => object> = {
  AggiornaAccessoBodyV1,
  AnnotaAccessoBodyV1,
  DecidiVariazioneBodyV1,
  LiberaImpegnoBodyV1,
  RegistraLiquidazioneBodyV1,
  RegistraMandatoBodyV1,
  RichiestaToken,
  AssegnaCartellaBodyV1,
  ChiudiCartellaBodyV1,
  AnnotaDiarioBodyV1,
  RegistraValutazioneBodyV1,
  ProponiProgettoBodyV1,
  ApprovaProgettoBodyV1,
  RespingiProgettoBodyV1,
  RegistraVerificaBodyV1,
  TrasferisciCartellaBodyV1,
  AssegnaEquipeCasoBodyV1,
  AggiornaNucleoBodyV1,
};

export function buildOpenApiDocument(app: INestApplication, config: GatewayConfig): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle("Ambito — API della piattaforma d'Ambito")
    .setDescription(DESCRIZIONE)
    .setVersion(APP_VERSION)
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
      description:
        config.AUTH_MODE === 'local'
          ? 'Token dell’emittente locale (sviluppo): POST /api/v1/auth/token'
          : 'Token del fornitore di identità dell’Ambito (OpenID Connect)',
    })
    .addTag('Territorio', 'Comuni, sub-ambiti e sedi dell’Ambito')
    .addTag('Persone', 'Anagrafica minima delle persone')
    .addTag('Accessi', 'Colloqui di segretariato sociale ed esiti')
    .addTag(
      'Cartelle sociali',
      'Presa in carico: coda, équipe, valutazioni, progetto personalizzato e decisione del Comune',
    )
    .addTag('Statistiche', 'Dati aggregati per la programmazione')
    .addTag('Audit', 'Registro degli accessi ai dati personali')
    .addTag(
      'Budget',
      'Fondi, dotazioni, impegni, liquidazioni e quote dei comuni (importi in centesimi di euro)',
    );
  if (config.AUTH_MODE === 'local') builder.addTag('Autenticazione', 'Emittente locale (solo sviluppo)');
  const document = SwaggerModule.createDocument(app, builder.build(), {
    operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}`,
  });
  const bodies = Object.fromEntries(
    Object.entries(GATEWAY_BODIES).map(([name, cls]) => [name, classSchema(cls)]),
  );
  document.components = {
    ...document.components,
    schemas: {
      ...document.components?.schemas,
      ...contractSchemas(),
      ...bodies,
      ...RESPONSE_SCHEMAS,
      ...BUDGET_RESPONSE_SCHEMAS,
      ...CARTELLE_SCHEMAS,
    },
  };
  return document;
}

/** Swagger UI at `/api/docs`, JSON at `/api/docs-json` (outside the `/api/v1` prefix, public). */
export function setupOpenApi(app: INestApplication, config: GatewayConfig): void {
  SwaggerModule.setup(DOCS_PATH, app, () => buildOpenApiDocument(app, config), {
    jsonDocumentUrl: DOCS_JSON_PATH,
    yamlDocumentUrl: 'api/docs-yaml',
    customSiteTitle: 'Ambito — API',
    swaggerOptions: { persistAuthorization: true },
  });
}
