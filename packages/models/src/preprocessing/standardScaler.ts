/**
 * StandardScaler (scikit-learn semantics): x' = (x − μ)/σ per column with the population standard
 * deviation σ (ddof = 0); a constant column keeps σ = 1.
 *
 * @module
 */
import { HepInputError } from '@hep/core';

/** JSON form of a fitted {@link StandardScaler}. */
export interface StandardScalerJSON {
  readonly mean: number[];
  readonly scale: number[];
}

/**
 * Per-column standardisation fitted on training data.
 *
 * @example
 * ```ts
 * const sc = StandardScaler.fit(trainCols);
 * const z = sc.transform(testCols);       // new arrays; inputs untouched
 * ```
 */
export class StandardScaler {
  /** Column means μ_j. */
  readonly mean: Float64Array;
  /** Column scales σ_j = √(mean((x − μ)²)), 1 for constant columns. */
  readonly scale: Float64Array;

  private constructor(mean: Float64Array, scale: Float64Array) {
    this.mean = mean;
    this.scale = scale;
  }

  /** Fits μ and σ of each column (two-pass, numerically stable). */
  static fit(columns: readonly ArrayLike<number>[]): StandardScaler {
    if (columns.length === 0) throw new HepInputError('columns', 'no columns');
    const n = columns[0]?.length ?? 0;
    if (n === 0) throw new HepInputError('columns', 'no events');
    const mean = new Float64Array(columns.length);
    const scale = new Float64Array(columns.length);
    columns.forEach((c, j) => {
      if (c.length !== n) throw new HepInputError(`columns[${j}]`, `length ${c.length} ≠ ${n}`);
      let s = 0;
      for (let i = 0; i < n; i++) {
        const v = c[i] as number;
        if (!Number.isFinite(v)) throw new HepInputError(`columns[${j}]`, `not finite: ${v}`, i);
        s += v;
      }
      const m = s / n;
      let ss = 0;
      for (let i = 0; i < n; i++) ss += ((c[i] as number) - m) ** 2;
      const sd = Math.sqrt(ss / n);
      mean[j] = m;
      scale[j] = sd > 0 ? sd : 1;
    });
    return new StandardScaler(mean, scale);
  }

  private check(columns: readonly ArrayLike<number>[]): void {
    if (columns.length !== this.mean.length) {
      throw new HepInputError('columns', `expected ${this.mean.length} columns, got ${columns.length}`);
    }
  }

  /** (x − μ)/σ for each column, as new Float64Arrays. */
  transform(columns: readonly ArrayLike<number>[]): Float64Array[] {
    this.check(columns);
    return columns.map((c, j) => {
      const m = this.mean[j] as number;
      const s = this.scale[j] as number;
      const out = new Float64Array(c.length);
      for (let i = 0; i < c.length; i++) out[i] = ((c[i] as number) - m) / s;
      return out;
    });
  }

  /** x = z·σ + μ, the inverse of {@link transform}. */
  inverseTransform(columns: readonly ArrayLike<number>[]): Float64Array[] {
    this.check(columns);
    return columns.map((c, j) => {
      const m = this.mean[j] as number;
      const s = this.scale[j] as number;
      const out = new Float64Array(c.length);
      for (let i = 0; i < c.length; i++) out[i] = (c[i] as number) * s + m;
      return out;
    });
  }

  /** Plain-JSON form (doubles survive JSON exactly). */
  toJSON(): StandardScalerJSON {
    return { mean: Array.from(this.mean), scale: Array.from(this.scale) };
  }

  /** Rebuilds a scaler from {@link toJSON} output. */
  static fromJSON(json: StandardScalerJSON): StandardScaler {
    if (!Array.isArray(json?.mean) || !Array.isArray(json.scale) || json.mean.length !== json.scale.length) {
      throw new HepInputError('json', 'malformed StandardScaler JSON');
    }
    return new StandardScaler(Float64Array.from(json.mean), Float64Array.from(json.scale));
  }
}
