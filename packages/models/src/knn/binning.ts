/**
 * Target binning of paper 003 eq. (2): the kNN regressor predicts the *bin index* of the target
 * (e.g. M_ℓℓνν in GeV) in a histogram with fixed edges, not the target itself.
 *
 * @module
 */
import { assertFiniteArray, assertInteger, HepInputError } from '@hep/core';

/** Histogram binning with increasing edges e₀ < e₁ < … < e_B (units of the target, e.g. GeV). */
export class Binning {
  /** Bin edges, length nBins + 1. */
  readonly edges: Float64Array;

  /** @throws HepInputError unless at least two strictly increasing finite edges are given. */
  constructor(edges: ArrayLike<number>) {
    assertFiniteArray('edges', edges);
    if (edges.length < 2) throw new HepInputError('edges', 'needs at least 2 edges');
    for (let i = 1; i < edges.length; i++) {
      if (!(edges[i]! > edges[i - 1]!)) throw new HepInputError('edges', 'must be strictly increasing', i);
    }
    this.edges = Float64Array.from(edges);
  }

  /** `nBins` equal bins on [lo, hi). */
  static uniform(nBins: number, lo: number, hi: number): Binning {
    assertInteger('nBins', nBins, 1);
    if (!(hi > lo)) throw new HepInputError('hi', `must exceed lo = ${lo}`);
    return new Binning(Float64Array.from({ length: nBins + 1 }, (_, i) => lo + ((hi - lo) * i) / nBins));
  }

  /** Number of bins B. */
  get nBins(): number {
    return this.edges.length - 1;
  }

  /**
   * Bin index b with e_b ≤ x < e_{b+1}; underflow goes to bin 0 and overflow (x ≥ e_B) to bin B − 1,
   * so every event is counted.
   */
  binOf(x: number): number {
    const e = this.edges;
    if (x < e[1]!) return 0;
    let lo = 1;
    let hi = e.length - 2;
    if (x >= e[hi]!) return hi;
    // invariant: e[lo] ≤ x < e[hi]
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (x >= e[mid]!) lo = mid;
      else hi = mid;
    }
    return lo;
  }

  /** Bin indices of a column (as float64, the regression target of eq. 2). */
  binIndices(values: ArrayLike<number>): Float64Array {
    assertFiniteArray('values', values);
    const out = new Float64Array(values.length);
    for (let i = 0; i < values.length; i++) out[i] = this.binOf(values[i]!);
    return out;
  }

  /**
   * Target value of a fractional bin index b̂: linear interpolation between bin centres
   * c_b = (e_b + e_{b+1})/2, clamped to the first/last centre.
   */
  valueOf(bin: number): number {
    const e = this.edges;
    const last = this.nBins - 1;
    const b = Math.min(Math.max(bin, 0), last);
    const i = Math.min(Math.floor(b), Math.max(last - 1, 0));
    const c0 = 0.5 * (e[i]! + e[i + 1]!);
    if (last === 0) return c0;
    const c1 = 0.5 * (e[i + 1]! + e[i + 2]!);
    return c0 + (b - i) * (c1 - c0);
  }

  /** Histogram counts of the bins of `values` (under/overflow folded into the edge bins). */
  histogram(values: ArrayLike<number>): Float64Array {
    const h = new Float64Array(this.nBins);
    for (let i = 0; i < values.length; i++) h[this.binOf(values[i]!)]! += 1;
    return h;
  }

  /** Plain-JSON form. */
  toJSON(): { edges: number[] } {
    return { edges: Array.from(this.edges) };
  }
}
