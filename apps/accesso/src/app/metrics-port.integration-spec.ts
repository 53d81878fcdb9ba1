import type { AddressInfo } from 'node:net';
import { freePort } from '@ambito/testing';
import { startTestAccesso, type TestAccesso } from '../../test/accesso-harness';

/**
 * A service's metrics (libs/service-runtime MetricsModule) move to the management listener when
 * METRICS_PORT is set: the public port, which serves the probes, no longer answers /metrics.
 */
describe('accesso: /metrics on the management port', () => {
  let svc: TestAccesso;
  let metricsPort: number;
  let pubblica: string;

  beforeAll(async () => {
    metricsPort = await freePort();
    svc = await startTestAccesso({ METRICS_PORT: String(metricsPort) });
    await svc.app.listen(0, '127.0.0.1');
    pubblica = `http://127.0.0.1:${(svc.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(() => svc?.close());

  it('serves the metrics on METRICS_PORT (loopback by default) and not on the public port', async () => {
    expect((await fetch(`${pubblica}/metrics`)).status).toBe(404);
    expect((await fetch(`${pubblica}/health/ready`)).status).toBe(200);
    const metriche = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(metriche.status).toBe(200);
    expect(await metriche.text()).toMatch(/process_cpu_seconds_total\{service="accesso"\}/);
    expect((await fetch(`http://127.0.0.1:${metricsPort}/health/ready`)).status).toBe(404);
  });
});
