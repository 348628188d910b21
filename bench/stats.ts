/** Small summary helpers shared by the benchmark scripts. */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export function summarize(samples: number[]): { median: number; p95: number; mean: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = samples.reduce((a, b) => a + b, 0) / (samples.length || 1);
  return { median: percentile(sorted, 50), p95: percentile(sorted, 95), mean };
}

export const fmt = (n: number, digits = 2) => n.toFixed(digits);
