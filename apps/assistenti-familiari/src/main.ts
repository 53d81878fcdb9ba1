import 'reflect-metadata';
import { bootService } from '@ambito/service-runtime';
import {
  createAssistentiFamiliariApp,
  migrateAssistentiFamiliari,
} from './app/create-assistenti-familiari-app';
import { loadAssistentiFamiliariConfig } from './config/assistenti-familiari-config';

bootService({
  service: 'assistenti-familiari',
  loadConfig: loadAssistentiFamiliariConfig,
  createApp: createAssistentiFamiliariApp,
  migrate: migrateAssistentiFamiliari,
});
