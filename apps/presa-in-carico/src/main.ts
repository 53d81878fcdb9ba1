import 'reflect-metadata';
import { bootService } from '@ambito/service-runtime';
import { TerritorioNonValidoError } from '@ambito/territorio';
import { createPresaInCaricoApp, migratePresaInCarico } from './app/create-presa-in-carico-app';
import { loadPresaInCaricoConfig } from './config/presa-in-carico-config';

bootService({
  service: 'presa-in-carico',
  loadConfig: loadPresaInCaricoConfig,
  createApp: createPresaInCaricoApp,
  migrate: migratePresaInCarico,
  explains: (error) => (error instanceof TerritorioNonValidoError ? error.message : undefined),
});
