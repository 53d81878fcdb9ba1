import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { SOGLIA_PERSONE_STATISTICHE } from '@ambito/contracts';
import { ServiceSigningKeyConfig } from '@ambito/messaging';
import { DataServiceConfig, loadConfig } from '@ambito/service-runtime';
import { TerritorioFileConfig } from '@ambito/territorio';

/** The presa-in-carico service's environment, validated at start-up (every problem listed at once). */
export class PresaInCaricoConfig extends DataServiceConfig {
  override HTTP_PORT: number = 3103;

  override DATABASE_SCHEMA: string = 'presa_in_carico';

  /**
   * The service's own private Ed25519 JWK (issuer `presa-in-carico`), inline or in the file
   * SERVICE_SIGNING_KEY_FILE: the intake reads the proposta from accesso, and the case manager's
   * richiesta of an assistente familiare reaches the sportello, with its own identity
   * (PRESA_IN_CARICO_CHIAMATE); accesso and assistenti-familiari trust the public half (ACTOR_TRUSTED_KEYS).
   */
  @ServiceSigningKeyConfig('presa-in-carico')
  SERVICE_SIGNING_KEY?: string;

  @IsOptional()
  @IsString()
  SERVICE_SIGNING_KEY_FILE?: string;

  /**
   * JSON file with the ambito's territorio; the Ambito Cremasco demo seed when absent. Required with
   * NODE_ENV=production, where a file marked illustrativo (demo data) is refused.
   */
  @TerritorioFileConfig()
  TERRITORIO_FILE?: string;

  /** Fallback only: the LEPS objective is read from parametro_normativo (inhabitants per assistente sociale). */
  @IsInt()
  @Min(100)
  @Max(100000)
  LEPS_ABITANTI_PER_AS: number = 5000;

  /** A proposta still unassigned after these days is an alert for the coordinator. */
  @IsInt()
  @Min(1)
  @Max(365)
  GIORNI_AVVISO_PROPOSTA: number = 30;

  /** A project waiting for the Comune's decision after these days is an alert. */
  @IsInt()
  @Min(1)
  @Max(365)
  GIORNI_AVVISO_DECISIONE: number = 15;

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

export function loadPresaInCaricoConfig(
  env: Record<string, string | undefined> = process.env,
): PresaInCaricoConfig {
  return loadConfig(PresaInCaricoConfig, env);
}
