import { DataServiceConfig, loadConfig } from '@ambito/service-runtime';
import { TerritorioFileConfig } from '@ambito/territorio';

/** The assistenti-familiari service's environment, validated at start-up (every problem listed at once). */
export class AssistentiFamiliariConfig extends DataServiceConfig {
  override HTTP_PORT: number = 3105;

  override DATABASE_SCHEMA: string = 'assistenti_familiari';

  /**
   * JSON file with the ambito's territorio (comuni and sub-ambiti of the families, sedi of the
   * sportelli); the Ambito Cremasco demo seed when absent. Required with NODE_ENV=production.
   */
  @TerritorioFileConfig()
  TERRITORIO_FILE?: string;
}

export function loadAssistentiFamiliariConfig(
  env: Record<string, string | undefined> = process.env,
): AssistentiFamiliariConfig {
  return loadConfig(AssistentiFamiliariConfig, env);
}
