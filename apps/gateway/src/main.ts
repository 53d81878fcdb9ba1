import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigurationError } from '@ambito/service-runtime';
import { createGatewayApp } from './app/create-gateway-app';
import { loadGatewayConfig, type GatewayConfig } from './config/gateway-config';

async function main(): Promise<void> {
  let config: GatewayConfig;
  try {
    config = loadGatewayConfig();
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    console.error(`gateway: ${error.message}`);
    process.exit(1);
  }
  const app = await createGatewayApp(config);
  await app.listen(config.HTTP_PORT, config.HTTP_HOST);
  new Logger('Gateway').log(
    { port: config.HTTP_PORT, authMode: config.AUTH_MODE, ambito: config.AMBITO_CODICE },
    'gateway in ascolto',
  );
}

main().catch((error: unknown) => {
  console.error('gateway: avvio non riuscito', error);
  process.exit(1);
});
