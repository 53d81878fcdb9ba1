import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigurationError } from '@ambito/service-runtime';
import { createPresaInCaricoApp } from './app/create-presa-in-carico-app';
import { loadPresaInCaricoConfig, type PresaInCaricoConfig } from './config/presa-in-carico-config';
import { TerritorioNonValidoError } from '@ambito/territorio';

async function main(): Promise<void> {
  let config: PresaInCaricoConfig;
  try {
    config = loadPresaInCaricoConfig();
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    console.error(`presa-in-carico: ${error.message}`);
    process.exit(1);
  }
  const app = await createPresaInCaricoApp(config);
  await app.listen(config.HTTP_PORT, config.HTTP_HOST);
  new Logger('PresaInCarico').log(
    { port: config.HTTP_PORT, ambito: config.AMBITO_CODICE },
    'servizio presa-in-carico avviato',
  );
}

main().catch((error: unknown) => {
  console.error(
    'presa-in-carico: avvio non riuscito',
    error instanceof TerritorioNonValidoError ? error.message : error,
  );
  process.exit(1);
});
