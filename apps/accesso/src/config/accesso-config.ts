import { IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { ServiceConfig, loadConfig } from '@ambito/service-runtime';

/** The accesso service's environment, validated at start-up (every problem listed at once). */
export class AccessoConfig extends ServiceConfig {
  override HTTP_PORT: number = 3101;

  @Matches(/^postgres(ql)?:\/\//, {
    message: 'obbligatorio, es. postgres://utente:password@host:5432/ambito',
  })
  DATABASE_URL: string;

  @Matches(/^[a-z_][a-z0-9_]*$/, { message: 'nome di schema PostgreSQL in minuscolo, es. accesso' })
  DATABASE_SCHEMA: string = 'accesso';

  @IsInt()
  @Min(1)
  @Max(100)
  DATABASE_POOL_SIZE: number = 10;

  /** JSON file with the ambito's territorio; the Ambito Cremasco demo seed when absent. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  TERRITORIO_FILE?: string;
}

export function loadAccessoConfig(env: Record<string, string | undefined> = process.env): AccessoConfig {
  return loadConfig(AccessoConfig, env);
}
