import { IsNotEmpty, IsOptional, IsString } from 'class-validator';
import { DataServiceConfig, loadConfig } from '@ambito/service-runtime';

/** The accesso service's environment, validated at start-up (every problem listed at once). */
export class AccessoConfig extends DataServiceConfig {
  override HTTP_PORT: number = 3101;

  override DATABASE_SCHEMA: string = 'accesso';

  /** JSON file with the ambito's territorio; the Ambito Cremasco demo seed when absent. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  TERRITORIO_FILE?: string;
}

export function loadAccessoConfig(env: Record<string, string | undefined> = process.env): AccessoConfig {
  return loadConfig(AccessoConfig, env);
}
