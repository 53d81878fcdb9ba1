import 'reflect-metadata';
import { bootService } from '@ambito/service-runtime';
import { createMisureApp, migrateMisure } from './app/create-misure-app';
import { loadMisureConfig } from './config/misure-config';

bootService({
  service: 'misure',
  loadConfig: loadMisureConfig,
  createApp: createMisureApp,
  migrate: migrateMisure,
});
