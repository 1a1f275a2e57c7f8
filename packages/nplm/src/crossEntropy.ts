/**
 * Cross-entropy variant of the symmetrized test (paper 004 §2.2; FORMULAS.md §2): one network δ(x),
 * A (label 1) against B (label 0),
 *
 *   L_CE = Σ_{x∈B} ln[(N_A e^{−2δ} + N_B)/N] + Σ_{x∈A} ln[(N_B e^{2δ} + N_A)/N],   t_CE = −2 min L_CE,
 *
 * equal to t_sym in the flexible (binned) limit; dof P − 1.
 *
 * @module
 */
import { trainNetwork } from './fit.js';
import type { Sample } from './inputs.js';
import { parameterCount } from './network.js';
import { type NetworkTestResult, networkTestResult } from './nplm.js';
import type { PointwiseLoss } from './objective.js';
import { prepareTwoSample, type TwoSampleOptions } from './symmetrized.js';

/** ln(e^p + e^q) without overflow. */
function logAddExp(p: number, q: number): number {
  const m = Math.max(p, q);
  return m + Math.log(Math.exp(p - m) + Math.exp(q - m));
}

/** Pointwise cross-entropy loss; the first nA points are A (label 1), the rest B. */
export function crossEntropyPointwiseLoss(nA: number, nB: number): PointwiseLoss {
  const lnA = Math.log(nA);
  const lnB = Math.log(nB);
  const lnN = Math.log(nA + nB);
  return (f, d1, d2) => {
    let sum = 0;
    for (let i = 0; i < f.length; i++) {
      const delta = f[i] as number;
      let r: number;
      if (i < nA) {
        // ln(N_B e^{2δ} + N_A) − ln N; r = N_B e^{2δ}/(N_B e^{2δ}+N_A)
        const l = logAddExp(lnB + 2 * delta, lnA);
        sum += l - lnN;
        r = Math.exp(lnB + 2 * delta - l);
        d1[i] = 2 * r;
      } else {
        const l = logAddExp(lnA - 2 * delta, lnB);
        sum += l - lnN;
        r = Math.exp(lnA - 2 * delta - l);
        d1[i] = -2 * r;
      }
      if (d2 !== null) d2[i] = 4 * r * (1 - r);
    }
    return sum;
  };
}

/** Runs the cross-entropy two-sample test t_CE (dof P − 1, 12 for 1-4-1). */
export function crossEntropyTest(a: Sample, b: Sample, options: TwoSampleOptions = {}): NetworkTestResult {
  const { shape, x, nA, nB, d, st, bound } = prepareTwoSample(a, b, options);
  const fit = trainNetwork({ shape, x, loss: crossEntropyPointwiseLoss(nA, nB), bound }, options);
  return networkTestResult(fit, parameterCount(shape) - 1, shape, d, st);
}
