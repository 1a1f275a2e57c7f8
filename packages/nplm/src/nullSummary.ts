/**
 * Summary of a sample of test statistics against χ²_dof (paper 004 §3–4; FORMULAS.md §1–2): mean
 * with its standard error (the moment estimate of the dof), the maximum-likelihood fitted dof
 * (`fitChi2Dof` of @hep/stats), and the KS p-value against χ²_dof.
 *
 * @module
 */
import { fitChi2Dof, ksTestChi2 } from '@hep/stats';
import type { TrainingStatus } from './optimize.js';

/** Result of {@link summariseNull}. */
export interface NullSummary {
  /** Number of values. */
  n: number;
  /** χ² dof the sample is compared with. */
  dof: number;
  mean: number;
  /** Standard error of the mean, s/√n. */
  standardError: number;
  /** ML fit of χ²_k to the values > 0 (NaN when fewer than two are > 0). */
  fittedDof: number;
  fittedDofError: number;
  /** KS p-value of the sample against χ²_dof. */
  ksPValue: number;
  /** Toys whose fits did not all report 'converged' (0 when no statuses are given). */
  notConverged: number;
}

/** Summarises values t (numbers, or toy results with `t` and `status`) against χ²_dof. */
export function summariseNull(
  values: ArrayLike<number> | readonly { t: number; status?: TrainingStatus }[],
  dof: number,
): NullSummary {
  const t = Float64Array.from(values as ArrayLike<number | { t: number }>, (v) =>
    typeof v === 'number' ? v : v.t,
  );
  let notConverged = 0;
  for (let i = 0; i < values.length; i++) {
    const v = (values as ArrayLike<unknown>)[i];
    if (typeof v === 'object' && v !== null && 'status' in v && v.status !== 'converged') notConverged++;
  }
  const n = t.length;
  let sum = 0;
  for (const v of t) sum += v;
  const mean = sum / n;
  let v2 = 0;
  for (const v of t) v2 += (v - mean) ** 2;
  const positive = t.filter((v) => v > 0);
  const fit = positive.length >= 2 ? fitChi2Dof(positive) : { dof: Number.NaN, sigma: Number.NaN };
  return {
    n,
    dof,
    mean,
    standardError: Math.sqrt(v2 / Math.max(1, n - 1) / n),
    fittedDof: fit.dof,
    fittedDofError: fit.sigma,
    ksPValue: ksTestChi2(t, dof).pValue,
    notConverged,
  };
}
