export function median(xs: number[]): number {
  return quantile(xs, 0.5);
}

/** Nearest-rank quantile. */
export function quantile(xs: number[], q: number): number {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;
