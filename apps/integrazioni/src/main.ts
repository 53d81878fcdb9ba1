import 'reflect-metadata';
import { bootService } from '@ambito/service-runtime';
import { createIntegrazioniApp, migrateIntegrazioni } from './app/create-integrazioni-app';
import { loadIntegrazioniConfig } from './config/integrazioni-config';

bootService({
  service: 'integrazioni',
  loadConfig: loadIntegrazioniConfig,
  createApp: createIntegrazioniApp,
  migrate: migrateIntegrazioni,
});
