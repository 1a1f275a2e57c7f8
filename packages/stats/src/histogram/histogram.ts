/**
 * One-dimensional histograms with regular or variable binning, weighted storage (Σw, Σw²),
 * under/overflow bins, filling from columns, density normalisation, and UHI JSON
 * (the scikit-hep serialisation read and written by Python `hist`/boost-histogram).
 * Bins are half-open [e_k, e_{k+1}) as in boost-histogram: a value equal to the upper edge
 * goes to the overflow bin.
 *
 * @module
 */
import { assertFiniteArray, assertInteger, assertSameLength, HepInputError } from '@hep/core';

/** Axis definition: `bins` equal bins on [lower, upper), or explicit increasing `edges`. */
export type Axis = { lower: number; upper: number; bins: number } | { edges: ArrayLike<number> };

/** A weighted 1-D histogram. `sumW` and `sumW2` hold [underflow, bins…, overflow]. */
export class Histogram {
  /** Bin edges (length bins + 1). */
  readonly edges: Float64Array;
  /** Σw per bin, flow bins included: index 0 underflow, 1..bins, bins + 1 overflow. */
  readonly sumW: Float64Array;
  /** Σw² per bin (the variance estimate), same layout. */
  readonly sumW2: Float64Array;
  readonly regular: boolean;
  metadata: Record<string, unknown> = {};

  constructor(axis: Axis) {
    if ('edges' in axis) {
      assertFiniteArray('axis.edges', axis.edges);
      if (axis.edges.length < 2) throw new HepInputError('axis.edges', 'needs at least two edges');
      for (let i = 1; i < axis.edges.length; i++) {
        if (!((axis.edges[i] as number) > (axis.edges[i - 1] as number))) {
          throw new HepInputError('axis.edges', 'must be strictly increasing', i);
        }
      }
      this.edges = Float64Array.from(axis.edges as ArrayLike<number>);
      this.regular = false;
    } else {
      assertInteger('axis.bins', axis.bins, 1);
      if (!(Number.isFinite(axis.lower) && Number.isFinite(axis.upper) && axis.upper > axis.lower)) {
        throw new HepInputError('axis', `needs finite lower < upper, got [${axis.lower}, ${axis.upper})`);
      }
      this.edges = Float64Array.from({ length: axis.bins + 1 }, (_, i) =>
        i === axis.bins ? axis.upper : axis.lower + ((axis.upper - axis.lower) * i) / axis.bins,
      );
      this.regular = true;
    }
    this.sumW = new Float64Array(this.bins + 2);
    this.sumW2 = new Float64Array(this.bins + 2);
  }

  get bins(): number {
    return this.edges.length - 1;
  }

  /** Storage index (0 = underflow, bins + 1 = overflow) of value x. */
  index(x: number): number {
    const e = this.edges;
    const n = this.bins;
    if (x < e[0]!) return 0;
    if (x >= e[n]!) return n + 1;
    if (this.regular) {
      const k = Math.floor(((x - e[0]!) / (e[n]! - e[0]!)) * n);
      // guard against rounding at interior edges
      if (x < e[k]!) return k;
      if (x >= e[k + 1]!) return k + 2;
      return k + 1;
    }
    let lo = 0;
    let hi = n;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (x >= e[mid]!) lo = mid;
      else hi = mid;
    }
    return lo + 1;
  }

  /** Adds a column of values (weights default to 1). NaN is rejected. Returns `this`. */
  fill(values: ArrayLike<number>, weights?: ArrayLike<number>): this {
    if (weights) {
      assertSameLength('values', values.length, 'weights', weights.length);
      assertFiniteArray('weights', weights);
    }
    for (let i = 0; i < values.length; i++) {
      const x = values[i] as number;
      if (Number.isNaN(x)) throw new HepInputError('values', 'must not be NaN', i);
      const k = this.index(x);
      const w = weights ? (weights[i] as number) : 1;
      this.sumW[k]! += w;
      this.sumW2[k]! += w * w;
    }
    return this;
  }

  /** Σw of the regular bins (flow bins with `flow: true`). */
  values(flow = false): Float64Array {
    return flow ? this.sumW.slice() : this.sumW.slice(1, this.bins + 1);
  }

  /** Σw² of the regular bins (flow bins with `flow: true`). */
  variances(flow = false): Float64Array {
    return flow ? this.sumW2.slice() : this.sumW2.slice(1, this.bins + 1);
  }

  /** Bin centres. */
  centers(): Float64Array {
    return Float64Array.from({ length: this.bins }, (_, k) => 0.5 * (this.edges[k]! + this.edges[k + 1]!));
  }

  /** Density: Σw / (total in-range Σw × bin width), integrating to 1 over the axis (numpy density=True). */
  density(): Float64Array {
    const v = this.values();
    let total = 0;
    for (const x of v) total += x;
    if (!(total > 0)) throw new HepInputError('histogram', 'has no in-range content to normalise');
    return v.map((x, k) => x / (total * (this.edges[k + 1]! - this.edges[k]!)));
  }

  /** UHI JSON object of this histogram (weighted storage; values include the flow bins). */
  toUHI(): Record<string, unknown> {
    const n = this.bins;
    const axis = this.regular
      ? {
          type: 'regular',
          lower: this.edges[0],
          upper: this.edges[n],
          bins: n,
          underflow: true,
          overflow: true,
          circular: false,
        }
      : { type: 'variable', edges: Array.from(this.edges), underflow: true, overflow: true, circular: false };
    return {
      metadata: this.metadata,
      axes: [axis],
      storage: { type: 'weighted', values: Array.from(this.sumW), variances: Array.from(this.sumW2) },
    };
  }

  /**
   * Reads one UHI histogram object (1-D, regular or variable axis; int, double or weighted storage;
   * storage arrays either directly under `storage` or under `storage.data` as older uhi versions).
   * Int/double storages get variances equal to the values (Poisson).
   */
  static fromUHI(uhi: unknown): Histogram {
    const h = uhi as { axes?: unknown; storage?: unknown; metadata?: unknown };
    if (!h || typeof h !== 'object') throw new HepInputError('uhi', 'must be an object');
    if (!Array.isArray(h.axes) || h.axes.length !== 1)
      throw new HepInputError('uhi.axes', 'must hold exactly one axis');
    const a = h.axes[0] as Record<string, unknown>;
    let hist: Histogram;
    if (a.type === 'regular') {
      hist = new Histogram({ lower: a.lower as number, upper: a.upper as number, bins: a.bins as number });
    } else if (a.type === 'variable' && Array.isArray(a.edges)) {
      hist = new Histogram({ edges: a.edges as number[] });
    } else {
      throw new HepInputError('uhi.axes[0].type', `unsupported axis type ${String(a.type)}`);
    }
    const s = h.storage as Record<string, unknown> | undefined;
    if (!s || typeof s !== 'object') throw new HepInputError('uhi.storage', 'is missing');
    const data = (typeof s.data === 'object' && s.data !== null ? s.data : s) as Record<string, unknown>;
    const values = data.values;
    if (!Array.isArray(values)) throw new HepInputError('uhi.storage.values', 'must be an array');
    const under = a.underflow !== false;
    const over = a.overflow !== false;
    const expected = hist.bins + (under ? 1 : 0) + (over ? 1 : 0);
    if (values.length !== expected) {
      throw new HepInputError(
        'uhi.storage.values',
        `has ${values.length} entries, the axis needs ${expected}`,
      );
    }
    const variances = s.type === 'weighted' ? data.variances : values;
    if (!Array.isArray(variances) || variances.length !== expected) {
      throw new HepInputError('uhi.storage.variances', `must be an array of ${expected} numbers`);
    }
    if (!['int', 'double', 'weighted'].includes(s.type as string)) {
      throw new HepInputError('uhi.storage.type', `unsupported storage ${String(s.type)}`);
    }
    assertFiniteArray('uhi.storage.values', values as number[]);
    for (let k = 0; k < expected; k++) {
      const target = k + (under ? 0 : 1);
      hist.sumW[target] = values[k] as number;
      hist.sumW2[target] = variances[k] as number;
    }
    if (h.metadata && typeof h.metadata === 'object')
      hist.metadata = { ...(h.metadata as Record<string, unknown>) };
    return hist;
  }
}
