import { HealthController, MetricsController } from '@ambito/service-runtime';
import { Pubblico } from '../auth/pubblico.decorator';

/**
 * Controllers of the shared runtime (probes and Prometheus scraping) are reached without a token;
 * they cannot carry the gateway's decorator in their source, so it is applied here.
 */
export function markSharedControllersPublic(): void {
  for (const controller of [HealthController, MetricsController]) Pubblico()(controller);
}
