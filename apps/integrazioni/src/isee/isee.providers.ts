import type { Provider, Type } from '@nestjs/common';
import type { IntegrazioniConfig } from '../config/integrazioni-config';

/** The ISEE adapter's handlers, listed in IntegrazioniModule. */
export const ISEE_CONTROLLERS: Type[] = [];

/** The ISEE adapter's providers (its configuration for this ambito, the client, the queue). */
export function iseeProviders(config: IntegrazioniConfig): Provider[] {
  void config;
  return [];
}
