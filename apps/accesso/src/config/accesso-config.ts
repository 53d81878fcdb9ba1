import { IsInt, Max, Min } from 'class-validator';
import { SOGLIA_PERSONE_STATISTICHE } from '@ambito/contracts';
import { DataServiceConfig, loadConfig } from '@ambito/service-runtime';
import { TerritorioFileConfig } from '@ambito/territorio';

/** The accesso service's environment, validated at start-up (every problem listed at once). */
export class AccessoConfig extends DataServiceConfig {
  override HTTP_PORT: number = 3101;

  override DATABASE_SCHEMA: string = 'accesso';

  /**
   * JSON file with the ambito's territorio; the Ambito Cremasco demo seed when absent. Required with
   * NODE_ENV=production, where a file marked illustrativo (demo data) is refused.
   */
  @TerritorioFileConfig()
  TERRITORIO_FILE?: string;

  /**
   * Fewest distinct persons behind a cell of the statistics shown to aggregate-only roles (Ufficio di
   * Piano, amministratore): 5, or stricter.
   */
  @IsInt()
  @Min(SOGLIA_PERSONE_STATISTICHE, {
    message: `almeno ${SOGLIA_PERSONE_STATISTICHE}: la regola di riservatezza delle statistiche si può solo rendere più severa`,
  })
  @Max(1000)
  STATISTICHE_SOGLIA_PERSONE: number = SOGLIA_PERSONE_STATISTICHE;
}

export function loadAccessoConfig(env: Record<string, string | undefined> = process.env): AccessoConfig {
  return loadConfig(AccessoConfig, env);
}
