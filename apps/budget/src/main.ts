import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigurationError } from '@ambito/service-runtime';
import { createBudgetApp } from './app/create-budget-app';
import { loadBudgetConfig, type BudgetConfig } from './config/budget-config';

async function main(): Promise<void> {
  let config: BudgetConfig;
  try {
    config = loadBudgetConfig();
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    console.error(`budget: ${error.message}`);
    process.exit(1);
  }
  const app = await createBudgetApp(config);
  await app.listen(config.HTTP_PORT, config.HTTP_HOST);
  new Logger('Budget').log(
    { port: config.HTTP_PORT, ambito: config.AMBITO_CODICE },
    'servizio budget avviato',
  );
}

main().catch((error: unknown) => {
  console.error('budget: avvio non riuscito', error);
  process.exit(1);
});
