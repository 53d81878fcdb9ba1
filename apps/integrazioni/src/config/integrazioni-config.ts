import { IsOptional, IsString } from 'class-validator';
import { ServiceSigningKeyConfig } from '@ambito/messaging';
import { DataServiceConfig, loadConfig } from '@ambito/service-runtime';

/** The integrazioni service's environment, validated at start-up (every problem listed at once). */
export class IntegrazioniConfig extends DataServiceConfig {
  override HTTP_PORT: number = 3106;

  override DATABASE_SCHEMA: string = 'integrazioni';

  /**
   * The service's own private Ed25519 JWK (issuer `integrazioni`), inline or in the file
   * SERVICE_SIGNING_KEY_FILE: the SIUSS feed reads benefici, istanze, persone and presa in carico with the
   * service's identity (INTEGRAZIONI_SIUSS_CHIAMATE); those services trust the public half.
   */
  @ServiceSigningKeyConfig('integrazioni')
  SERVICE_SIGNING_KEY?: string;

  @IsOptional()
  @IsString()
  SERVICE_SIGNING_KEY_FILE?: string;
}

export function loadIntegrazioniConfig(
  env: Record<string, string | undefined> = process.env,
): IntegrazioniConfig {
  return loadConfig(IntegrazioniConfig, env);
}
