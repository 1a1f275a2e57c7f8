/**
 * Empirical p-values and significances from toy (null) distributions.
 *
 * @module
 */
import { assertFinite, assertFiniteArray, assertNonEmpty } from '@hep/core';
import { normalIsf } from '../distributions/normal.js';

/** Empirical p-value of an observed statistic against a null sample. */
export interface EmpiricalPValue {
  /** #{t0 ≥ t} / N, or 1/N when no toy exceeds (then `isBound` is true). */
  pValue: number;
  /** Z = Φ̄⁻¹(p); a lower bound on Z when `isBound`. */
  z: number;
  nExceeding: number;
  nToys: number;
  /** True when no toy reached the observed value: p is an upper bound. */
  isBound: boolean;
}

/** p = #{t0 ≥ t_obs}/N (upper bound 1/N when none exceed) and Z = Φ̄⁻¹(p) (FORMULAS.md §1). */
export function empiricalPValue(observed: number, nullSample: ArrayLike<number>): EmpiricalPValue {
  assertFinite('observed', observed);
  assertNonEmpty('nullSample', nullSample);
  assertFiniteArray('nullSample', nullSample);
  let k = 0;
  for (let i = 0; i < nullSample.length; i++) if ((nullSample[i] as number) >= observed) k++;
  const n = nullSample.length;
  const isBound = k === 0;
  const pValue = isBound ? 1 / n : k / n;
  return { pValue, z: normalIsf(pValue), nExceeding: k, nToys: n, isBound };
}
