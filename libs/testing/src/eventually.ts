export interface EventuallyOptions {
  /** Default 5000. */
  timeoutMs?: number;
  /** Pause between attempts; default 50. */
  intervalMs?: number;
}

/**
 * Retries `fn` (typically a few `expect`s) until it stops throwing, and returns its result; on
 * timeout rethrows the last error, so the test fails with the assertion's own message.
 */
export async function eventually<T>(
  fn: () => T | Promise<T>,
  { timeoutMs = 5000, intervalMs = 50 }: EventuallyOptions = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await fn();
    } catch (error) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(intervalMs, remaining)));
    }
  }
}
