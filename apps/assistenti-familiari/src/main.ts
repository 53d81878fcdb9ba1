import 'reflect-metadata';
import { bootService } from '@ambito/service-runtime';
import { createAssistentiFamiliariApp } from './app/create-assistenti-familiari-app';
import { loadAssistentiFamiliariConfig } from './config/assistenti-familiari-config';

bootService({
  service: 'assistenti-familiari',
  loadConfig: loadAssistentiFamiliariConfig,
  createApp: createAssistentiFamiliariApp,
});
