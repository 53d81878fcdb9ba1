// Relative imports only (see global-setup.ts).
import { rm } from 'node:fs/promises';
import { setTestInfra, testInfra } from './global-setup';

/** Stops what globalSetup started and unsets the env vars it set (so a `--watch` rerun starts afresh). */
export default async function globalTeardown(): Promise<void> {
  const infra = testInfra();
  if (!infra) return;
  setTestInfra(undefined);
  for (const name of infra.envSet) delete process.env[name];
  const results = await Promise.allSettled([infra.nats?.destroy(), infra.postgres?.stop()]);
  if (infra.natsAuthDir) await rm(infra.natsAuthDir, { recursive: true, force: true });
  const failures = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
  if (failures.length) throw failures[0];
}
