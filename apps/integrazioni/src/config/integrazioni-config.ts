import { DataServiceConfig, loadConfig } from '@ambito/service-runtime';

/** The integrazioni service's environment, validated at start-up (every problem listed at once). */
export class IntegrazioniConfig extends DataServiceConfig {
  override HTTP_PORT: number = 3106;

  override DATABASE_SCHEMA: string = 'integrazioni';
}

export function loadIntegrazioniConfig(
  env: Record<string, string | undefined> = process.env,
): IntegrazioniConfig {
  return loadConfig(IntegrazioniConfig, env);
}
