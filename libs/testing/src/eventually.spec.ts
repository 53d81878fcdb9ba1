import { eventually } from './eventually';
import { freePort } from './infra/free-port';

describe('eventually', () => {
  it('retries until the function stops throwing and returns its value', async () => {
    let calls = 0;
    const value = await eventually(
      () => {
        calls += 1;
        expect(calls).toBeGreaterThanOrEqual(3);
        return calls;
      },
      { intervalMs: 1 },
    );
    expect(value).toBe(3);
  });

  it('rethrows the last error on timeout', async () => {
    let calls = 0;
    await expect(
      eventually(
        () => {
          calls += 1;
          throw new Error(`attempt ${calls}`);
        },
        { timeoutMs: 100, intervalMs: 10 },
      ),
    ).rejects.toThrow(new RegExp(`attempt ${calls > 0 ? '\\d+' : ''}`));
    expect(calls).toBeGreaterThan(2);
  });
});

describe('freePort', () => {
  it('returns a usable loopback port', async () => {
    const port = await freePort();
    expect(port).toBeGreaterThan(0);
    expect(port).toBeLessThan(65536);
  });
});
