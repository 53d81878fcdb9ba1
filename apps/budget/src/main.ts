import 'reflect-metadata';
import { bootService } from '@ambito/service-runtime';
import { createBudgetApp, migrateBudget } from './app/create-budget-app';
import { loadBudgetConfig } from './config/budget-config';

bootService({
  service: 'budget',
  loadConfig: loadBudgetConfig,
  createApp: createBudgetApp,
  migrate: migrateBudget,
});
