/**
 * The 1-D benchmark of NPLM and paper 004 (FORMULAS.md §1–2), in the rescaled variable x′ = 8x:
 * background Exp(1); signals 'tail' 𝒩(6.4, 0.16), 'bulk' 𝒩(1.6, 0.16), 'nonResonant'
 * x′² e^{−x′}/2 (Gamma(3, 1)). Data sizes are Poisson(N(R) + N(S)).
 *
 * @module
 */
import { assertInteger, assertNonNegative, HepInputError, type Rng } from '@hep/core';

/** Signal shapes of the 1-D benchmark. */
export type BenchmarkSignal = 'tail' | 'bulk' | 'nonResonant';

/** Density of a benchmark signal at x′ (normalised to 1). */
export function signalDensity(signal: BenchmarkSignal, x: number): number {
  switch (signal) {
    case 'tail':
      return Math.exp(-0.5 * ((x - 6.4) / 0.16) ** 2) / (0.16 * Math.sqrt(2 * Math.PI));
    case 'bulk':
      return Math.exp(-0.5 * ((x - 1.6) / 0.16) ** 2) / (0.16 * Math.sqrt(2 * Math.PI));
    case 'nonResonant':
      return x > 0 ? (x * x * Math.exp(-x)) / 2 : 0;
    default:
      throw new HepInputError('signal', `unknown signal ${String(signal)}`);
  }
}

/** Background density e^{−x′} (x′ ≥ 0). */
export function backgroundDensity(x: number): number {
  return x >= 0 ? Math.exp(-x) : 0;
}

/** n draws of the Exp(1) background. */
export function sampleBackground(n: number, rng: Rng): Float64Array {
  assertInteger('n', n);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = rng.exponential(1);
  return out;
}

/** n draws of a benchmark signal. */
export function sampleSignal(signal: BenchmarkSignal, n: number, rng: Rng): Float64Array {
  assertInteger('n', n);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (signal === 'tail') out[i] = rng.normal(6.4, 0.16);
    else if (signal === 'bulk') out[i] = rng.normal(1.6, 0.16);
    else if (signal === 'nonResonant') out[i] = rng.gamma(3, 1);
    else throw new HepInputError('signal', `unknown signal ${String(signal)}`);
  }
  return out;
}

/**
 * One benchmark dataset: Poisson(N(B)) background events and, when `signal` is given, Poisson(N(S))
 * signal events, concatenated (background first).
 */
export function sampleBenchmarkData(
  rng: Rng,
  expectedBackground: number,
  signal?: { shape: BenchmarkSignal; expected: number },
): Float64Array {
  assertNonNegative('expectedBackground', expectedBackground);
  const bkg = sampleBackground(rng.poisson(expectedBackground), rng);
  if (signal === undefined || signal.expected === 0) return bkg;
  assertNonNegative('signal.expected', signal.expected);
  const sig = sampleSignal(signal.shape, rng.poisson(signal.expected), rng);
  const out = new Float64Array(bkg.length + sig.length);
  out.set(bkg);
  out.set(sig, bkg.length);
  return out;
}
