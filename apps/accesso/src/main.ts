import 'reflect-metadata';
import { bootService } from '@ambito/service-runtime';
import { TerritorioNonValidoError } from '@ambito/territorio';
import { createAccessoApp, migrateAccesso } from './app/create-accesso-app';
import { loadAccessoConfig } from './config/accesso-config';

bootService({
  service: 'accesso',
  loadConfig: loadAccessoConfig,
  createApp: createAccessoApp,
  migrate: migrateAccesso,
  explains: (error) => (error instanceof TerritorioNonValidoError ? error.message : undefined),
});
