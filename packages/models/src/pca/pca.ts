/**
 * Principal component analysis of columnar features: the latent map 𝒯_P of paper 003 (Sec. 2),
 * X^pca = 𝒯_P(X), the first P principal components, in which the kNN search of eq. (2) runs.
 *
 * Fit: centre each feature (xⱼ − μⱼ), optionally divide by its standard deviation σⱼ (population,
 * ddof = 0, as sklearn's `StandardScaler`), form the sample covariance C = ZᵀZ/(n − 1) and take its
 * symmetric eigendecomposition (ml-matrix `EigenvalueDecomposition`). Components are sorted by
 * decreasing eigenvalue (the explained variance λ_p, as sklearn's `explained_variance_`) and their
 * signs fixed deterministically: the entry of largest |value| of each component is positive
 * (sklearn `svd_flip` convention, `u_based_decision=False`).
 *
 * @module
 */
import { assertColumns, assertFiniteArray, assertInteger, HepInputError } from '@hep/core';
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';

/** Options of {@link Pca.fit}. */
export interface PcaOptions {
  /** Divide centred features by their standard deviation before the decomposition (default false). */
  scale?: boolean;
}

/** Serialised PCA, as produced by {@link Pca.toJSON}. */
export interface PcaJson {
  type: 'hep-pca';
  /** Per-feature means μⱼ. */
  mean: number[];
  /** Per-feature standard deviations σⱼ when scaling was used, else null. */
  scale: number[] | null;
  /** Components, row-major `nFeatures × nFeatures` (row p = p-th principal axis). */
  components: number[];
  /** Eigenvalues λ_p of the covariance, decreasing. */
  explainedVariance: number[];
}

/** A fitted PCA; immutable. See the module documentation for the convention. */
export class Pca {
  private constructor(
    /** Per-feature means μⱼ. */
    readonly mean: Float64Array,
    /** Per-feature standard deviations σⱼ (null without scaling). */
    readonly scale: Float64Array | null,
    /** Row-major `nFeatures × nFeatures` principal axes, row p = component p. */
    readonly components: Float64Array,
    /** Explained variance λ_p (covariance eigenvalues, decreasing). */
    readonly explainedVariance: Float64Array,
  ) {}

  /** Number of input features M. */
  get nFeatures(): number {
    return this.mean.length;
  }

  /** Explained-variance ratio λ_p / Σ λ. */
  get explainedVarianceRatio(): Float64Array {
    let total = 0;
    for (const v of this.explainedVariance) total += v;
    return this.explainedVariance.map((v) => (total > 0 ? v / total : 0));
  }

  /**
   * Fits the PCA on `features` (one column per feature, equal lengths, n ≥ 2 events).
   *
   * @throws HepInputError for fewer than 2 events, unequal lengths, non-finite values, or a
   *   constant feature when `scale` is requested.
   */
  static fit(features: readonly ArrayLike<number>[], options: PcaOptions = {}): Pca {
    if (features.length === 0) throw new HepInputError('features', 'must contain at least one column');
    const n = assertColumns('features', features as unknown as Record<string, ArrayLike<number>>);
    if (n < 2) throw new HepInputError('features', `needs at least 2 events, got ${n}`);
    const d = features.length;
    const mean = new Float64Array(d);
    for (let j = 0; j < d; j++) {
      const c = features[j]!;
      let s = 0;
      for (let i = 0; i < n; i++) s += c[i]!;
      mean[j] = s / n;
    }
    let scale: Float64Array | null = null;
    if (options.scale) {
      scale = new Float64Array(d);
      for (let j = 0; j < d; j++) {
        const c = features[j]!;
        let s = 0;
        for (let i = 0; i < n; i++) s += (c[i]! - mean[j]!) ** 2;
        scale[j] = Math.sqrt(s / n);
        if (!(scale[j]! > 0)) throw new HepInputError(`features.${j}`, 'is constant; cannot scale it');
      }
    }
    const z = features.map((c, j) => {
      const out = new Float64Array(n);
      const mu = mean[j]!;
      const sd = scale ? scale[j]! : 1;
      for (let i = 0; i < n; i++) out[i] = (c[i]! - mu) / sd;
      return out;
    });
    const cov = new Matrix(d, d);
    for (let a = 0; a < d; a++) {
      for (let b = a; b < d; b++) {
        const za = z[a]!;
        const zb = z[b]!;
        let s = 0;
        for (let i = 0; i < n; i++) s += za[i]! * zb[i]!;
        cov.set(a, b, s / (n - 1));
        cov.set(b, a, s / (n - 1));
      }
    }
    const evd = new EigenvalueDecomposition(cov, { assumeSymmetric: true });
    const values = evd.realEigenvalues;
    const vectors = evd.eigenvectorMatrix;
    const order = values.map((_, i) => i).sort((a, b) => values[b]! - values[a]! || a - b);
    const components = new Float64Array(d * d);
    const explained = new Float64Array(d);
    order.forEach((col, p) => {
      explained[p] = Math.max(values[col]!, 0);
      let big = 0;
      for (let j = 0; j < d; j++)
        if (Math.abs(vectors.get(j, col)) > Math.abs(big)) big = vectors.get(j, col);
      const sign = big < 0 ? -1 : 1;
      for (let j = 0; j < d; j++) components[p * d + j] = sign * vectors.get(j, col);
    });
    return new Pca(mean, scale, components, explained);
  }

  /** Validates the requested number of components P ∈ [1, M] (default M). */
  private components_(nComponents: number | undefined): number {
    const p = nComponents ?? this.nFeatures;
    assertInteger('nComponents', p, 1);
    if (p > this.nFeatures) throw new HepInputError('nComponents', `must be ≤ ${this.nFeatures}, got ${p}`);
    return p;
  }

  private checkFeatures(features: readonly ArrayLike<number>[]): number {
    if (features.length !== this.nFeatures) {
      throw new HepInputError('features', `expected ${this.nFeatures} columns, got ${features.length}`);
    }
    return assertColumns('features', features as unknown as Record<string, ArrayLike<number>>);
  }

  /** Scores t_p = Σⱼ V_pj (xⱼ − μⱼ)/σⱼ of the first P components, as P columns. */
  transform(features: readonly ArrayLike<number>[], nComponents?: number): Float64Array[] {
    const n = this.checkFeatures(features);
    const p = this.components_(nComponents);
    const rows = this.transformRows(features, p);
    return Array.from({ length: p }, (_, c) => {
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = rows[i * p + c]!;
      return out;
    });
  }

  /** Same as {@link Pca.transform} but row-major `n × P`, the layout {@link KdTree.build} takes. */
  transformRows(features: readonly ArrayLike<number>[], nComponents?: number): Float64Array {
    const n = this.checkFeatures(features);
    const p = this.components_(nComponents);
    const d = this.nFeatures;
    const out = new Float64Array(n * p);
    for (let j = 0; j < d; j++) {
      const c = features[j]!;
      const mu = this.mean[j]!;
      const inv = this.scale ? 1 / this.scale[j]! : 1;
      for (let i = 0; i < n; i++) {
        const zij = this.scale ? (c[i]! - mu) * inv : c[i]! - mu;
        for (let q = 0; q < p; q++) out[i * p + q] = out[i * p + q]! + this.components[q * d + j]! * zij;
      }
    }
    return out;
  }

  /** Maps P score columns back to the M feature columns: xⱼ = μⱼ + σⱼ Σ_p t_p V_pj. */
  inverseTransform(scores: readonly ArrayLike<number>[]): Float64Array[] {
    const p = this.components_(scores.length);
    const n = assertColumns('scores', scores as unknown as Record<string, ArrayLike<number>>);
    const d = this.nFeatures;
    return Array.from({ length: d }, (_, j) => {
      const out = new Float64Array(n);
      for (let q = 0; q < p; q++) {
        const v = this.components[q * d + j]!;
        const t = scores[q]!;
        for (let i = 0; i < n; i++) out[i] = out[i]! + v * t[i]!;
      }
      const sd = this.scale ? this.scale[j]! : 1;
      for (let i = 0; i < n; i++) out[i] = this.mean[j]! + sd * out[i]!;
      return out;
    });
  }

  /** Plain-JSON form (see {@link PcaJson}). */
  toJSON(): PcaJson {
    return {
      type: 'hep-pca',
      mean: Array.from(this.mean),
      scale: this.scale ? Array.from(this.scale) : null,
      components: Array.from(this.components),
      explainedVariance: Array.from(this.explainedVariance),
    };
  }

  /** Restores a PCA from {@link Pca.toJSON} output. @throws HepInputError on a malformed object. */
  static fromJSON(json: PcaJson): Pca {
    if (json?.type !== 'hep-pca') throw new HepInputError('json.type', 'must be "hep-pca"');
    const d = json.mean?.length ?? 0;
    if (d < 1) throw new HepInputError('json.mean', 'must be a non-empty array');
    assertFiniteArray('json.mean', json.mean);
    assertFiniteArray('json.components', json.components);
    assertFiniteArray('json.explainedVariance', json.explainedVariance);
    if (json.components.length !== d * d)
      throw new HepInputError('json.components', `length must be ${d * d}`);
    if (json.explainedVariance.length !== d) {
      throw new HepInputError('json.explainedVariance', `length must be ${d}`);
    }
    if (json.scale !== null) {
      assertFiniteArray('json.scale', json.scale);
      if (json.scale.length !== d) throw new HepInputError('json.scale', `length must be ${d}`);
    }
    return new Pca(
      Float64Array.from(json.mean),
      json.scale === null ? null : Float64Array.from(json.scale),
      Float64Array.from(json.components),
      Float64Array.from(json.explainedVariance),
    );
  }
}
