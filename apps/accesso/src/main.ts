import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigurationError } from '@ambito/service-runtime';
import { createAccessoApp } from './app/create-accesso-app';
import { loadAccessoConfig, type AccessoConfig } from './config/accesso-config';
import { TerritorioNonValidoError } from '@ambito/territorio';

async function main(): Promise<void> {
  let config: AccessoConfig;
  try {
    config = loadAccessoConfig();
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    console.error(`accesso: ${error.message}`);
    process.exit(1);
  }
  const app = await createAccessoApp(config);
  await app.listen(config.HTTP_PORT, config.HTTP_HOST);
  new Logger('Accesso').log(
    { port: config.HTTP_PORT, ambito: config.AMBITO_CODICE },
    'servizio accesso avviato',
  );
}

main().catch((error: unknown) => {
  console.error(
    'accesso: avvio non riuscito',
    error instanceof TerritorioNonValidoError ? error.message : error,
  );
  process.exit(1);
});
