import { DataServiceConfig, loadConfig } from '@ambito/service-runtime';

/** The budget service's environment, validated at start-up (every problem listed at once). */
export class BudgetConfig extends DataServiceConfig {
  override HTTP_PORT: number = 3102;

  override DATABASE_SCHEMA: string = 'budget';
}

export function loadBudgetConfig(env: Record<string, string | undefined> = process.env): BudgetConfig {
  return loadConfig(BudgetConfig, env);
}
