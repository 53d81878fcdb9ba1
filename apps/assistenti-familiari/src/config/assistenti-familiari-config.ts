import { DataServiceConfig, loadConfig } from '@ambito/service-runtime';

/** The assistenti-familiari service's environment, validated at start-up (every problem listed at once). */
export class AssistentiFamiliariConfig extends DataServiceConfig {
  override HTTP_PORT: number = 3105;

  override DATABASE_SCHEMA: string = 'assistenti_familiari';
}

export function loadAssistentiFamiliariConfig(
  env: Record<string, string | undefined> = process.env,
): AssistentiFamiliariConfig {
  return loadConfig(AssistentiFamiliariConfig, env);
}
