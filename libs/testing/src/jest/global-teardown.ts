import type { TestInfra } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  const infra = (globalThis as { __AMBITO_TEST_INFRA__?: TestInfra }).__AMBITO_TEST_INFRA__;
  await infra?.nats?.destroy();
  await infra?.postgres?.stop();
}
