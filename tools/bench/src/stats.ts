/** Latency summary of a series of samples in milliseconds. */
export interface Summary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  throughput: number;
}

export function summarise(samplesMs: number[], elapsedMs: number): Summary {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return {
    n: sorted.length,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: sorted[sorted.length - 1],
    throughput: (sorted.length / elapsedMs) * 1000,
  };
}

export function formatRow(name: string, s: Summary): string {
  const ms = (v: number) => `${v.toFixed(2).padStart(8)} ms`;
  return `${name.padEnd(44)} n=${String(s.n).padStart(5)}  p50 ${ms(s.p50)}  p95 ${ms(s.p95)}  p99 ${ms(s.p99)}  max ${ms(s.max)}  ${s.throughput.toFixed(0).padStart(6)} op/s`;
}
