import { IsInt, Max, Min } from 'class-validator';
import { DataServiceConfig, loadConfig } from '@ambito/service-runtime';
import { TerritorioFileConfig } from '@ambito/territorio';

/** The assistenti-familiari service's environment, validated at start-up (every problem listed at once). */
export class AssistentiFamiliariConfig extends DataServiceConfig {
  override HTTP_PORT: number = 3105;

  override DATABASE_SCHEMA: string = 'assistenti_familiari';

  /**
   * JSON file with the ambito's territorio: its sportelli assistenti familiari (sedi with the function
   * `sportello-assistenti-familiari`) and their sub-ambiti, the comuni an assistant may serve. The Ambito
   * Cremasco demo seed when absent (one sportello, in Crema). Required with NODE_ENV=production.
   */
  @TerritorioFileConfig()
  TERRITORIO_FILE?: string;

  /** Minutes between two automatic re-verifications of the registro (expired permits); 0: only on request. */
  @IsInt()
  @Min(0)
  @Max(10_080)
  RIVERIFICA_INTERVALLO_MINUTI: number = 60;
}

export function loadAssistentiFamiliariConfig(
  env: Record<string, string | undefined> = process.env,
): AssistentiFamiliariConfig {
  return loadConfig(AssistentiFamiliariConfig, env);
}
