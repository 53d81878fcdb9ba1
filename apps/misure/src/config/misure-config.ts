import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { ServiceSigningKeyConfig } from '@ambito/messaging';
import { DataServiceConfig, loadConfig } from '@ambito/service-runtime';
import { TerritorioFileConfig } from '@ambito/territorio';

/** The misure service's environment, validated at start-up (every problem listed at once). */
export class MisureConfig extends DataServiceConfig {
  override HTTP_PORT: number = 3104;

  override DATABASE_SCHEMA: string = 'misure';

  /**
   * The service's own private Ed25519 JWK (issuer `misure`), inline or in the file
   * SERVICE_SIGNING_KEY_FILE: the approval of a graduatoria commits its money in the budget service with
   * the service's identity (MISURE_CHIAMATE); budget trusts the public half (ACTOR_TRUSTED_KEYS).
   */
  @ServiceSigningKeyConfig('misure')
  SERVICE_SIGNING_KEY?: string;

  @IsOptional()
  @IsString()
  SERVICE_SIGNING_KEY_FILE?: string;

  /**
   * JSON file with the ambito's territorio (the sedi where istanze are received, and their
   * sub-ambiti); the Ambito Cremasco demo seed when absent. Required with NODE_ENV=production.
   */
  @TerritorioFileConfig()
  TERRITORIO_FILE?: string;

  /**
   * Who runs the istruttoria (re-runs, decisions on what is to be verified): the Ufficio di Piano's
   * staff always; the équipe (assistente sociale, coordinatore) too unless `no`.
   */
  @IsIn(['si', 'no'], { message: 'si o no' })
  ISTRUTTORIA_EQUIPE: 'si' | 'no' = 'si';

  /** Istanze per page (one transaction each) when a whole avviso is judged again (misure.avviso.istruisci). */
  @IsInt()
  @Min(1)
  @Max(10_000)
  ISTRUTTORIA_AVVISO_PAGINA: number = 2000;

  /** Benefici per page (one transaction) of the monthly run of the erogazioni (misure.erogazioni.esegui). */
  @IsInt()
  @Min(1)
  @Max(10_000)
  EROGAZIONI_PAGINA: number = 1000;

  /**
   * Impegni per batch request to budget (budget.impegni.richiedi-lotto, at most 500) when a graduatoria
   * is approved: each batch is one budget transaction, all or nothing.
   */
  @IsInt()
  @Min(1)
  @Max(500)
  IMPEGNI_PER_LOTTO: number = 500;
}

export function loadMisureConfig(env: Record<string, string | undefined> = process.env): MisureConfig {
  return loadConfig(MisureConfig, env);
}
