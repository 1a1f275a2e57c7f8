/**
 * Asymptotic CLs (Cowan, Cranmer, Gross, Vitells 2011, arXiv:1007.1727) as in pyhf's
 * `AsymptoticCalculator`: test statistics q_μ / q̃_μ / q0, Asimov data from a fit to the OBSERVED
 * data at μ = 0 (μ = 1 for q0) with fitted auxiliaries, CLs+b, CLb, CLs observed and the five
 * expected values, discovery p0 and Z. FORMULAS.md §3.
 *
 * @module
 */

import { normalCdf, normalSf } from '../distributions/normal.js';
import type { HistFactoryModel } from '../histfactory/model.js';
import { type FitData, type FitResult, fitModel, observedData } from './fit.js';
import { q0, statisticBounds, testStatistic } from './testStatistics.js';

/** Test statistic used for exclusion (`q`: one-sided q_μ; `qtilde`: q̃_μ, pyhf default). See testStatistics.ts. */
export type TestStatistic = 'q' | 'qtilde';

/** Expected-band order of pyhf: N = 2, 1, 0, −1, −2 (CLs_exp[0] is the −2σ limit side). */
export const BAND_SIGMAS: readonly number[] = [2, 1, 0, -1, -2];

/** Asimov data with the parameters that generated it. */
export interface AsimovData extends FitData {
  /** θ̂ of the fit (POI fixed) that generated the data: the free fit's minimum on these data. */
  generatingPars: Float64Array;
}

/**
 * Asimov dataset: main yields ν(θ̂) and expected auxdata at the fitted θ̂ (μ fixed). `init` warm-starts
 * the fit (e.g. from the free fit to `data`).
 */
export function asimovData(
  model: HistFactoryModel,
  data: FitData,
  asimovMu: number,
  init?: Float64Array,
  bounds?: ReadonlyMap<number, readonly [number, number]>,
): AsimovData {
  const fit = fitModel(model, data, { fixedValues: new Map([[model.poiIndex, asimovMu]]), init, bounds });
  return {
    main: model.expectedMain(fit.values),
    aux: model.expectedAux(fit.values),
    generatingPars: fit.values,
  };
}

/** CLs+b, CLb, CLs from √q and √q_A (pyhf asymptotic p-values). */
export function clsFromQ(
  q: number,
  qA: number,
  stat: TestStatistic,
): { clsb: number; clb: number; cls: number } {
  const sq = Math.sqrt(Math.max(0, q));
  const sqA = Math.sqrt(Math.max(0, qA));
  let clsb: number;
  let clb: number;
  if (stat === 'q' || sq <= sqA || sqA === 0) {
    clsb = normalSf(sq);
    clb = normalCdf(sqA - sq);
  } else {
    clsb = normalSf((q + qA) / (2 * sqA));
    clb = normalSf((q - qA) / (2 * sqA));
  }
  return { clsb, clb, cls: clb > 0 ? clsb / clb : 1 };
}

/** Expected CLs for band N (FORMULAS §3): Φ(−(N + √q_A)) / Φ(−N). */
export function expectedCls(qA: number, nSigma: number): number {
  const sqA = Math.sqrt(Math.max(0, qA));
  return normalSf(nSigma + sqA) / normalSf(nSigma);
}

/** Result of {@link hypotest}. */
export interface HypotestResult {
  mu: number;
  CLs_obs: number;
  /** Expected CLs for N = 2, 1, 0, −1, −2 (pyhf order). */
  CLs_exp: number[];
  CLsb: number;
  CLb: number;
  q: number;
  qA: number;
  muhat: number;
}

/**
 * A reusable asymptotic calculator: caches the Asimov data and both free fits, so each μ costs two
 * conditional fits. `data` defaults to the observed data of the model. Fits are warm-started: the
 * Asimov-generating fit from the free fit, the Asimov free fit from the generating parameters (its
 * exact minimum), and each conditional fit from the previous one (or the free fit).
 */
export class AsymptoticCalculator {
  readonly model: HistFactoryModel;
  readonly data: FitData;
  readonly asimov: AsimovData;
  readonly stat: TestStatistic;
  readonly freeObs: FitResult;
  readonly freeAsimov: FitResult;
  private lastObs?: Float64Array;
  private lastAsimov?: Float64Array;

  constructor(model: HistFactoryModel, options: { data?: FitData; testStat?: TestStatistic } = {}) {
    this.model = model;
    this.data = options.data ?? observedData(model);
    this.stat = options.testStat ?? 'qtilde';
    const bounds = statisticBounds(model, this.stat);
    this.freeObs = fitModel(model, this.data, { bounds });
    this.asimov = asimovData(model, this.data, 0, this.freeObs.values, bounds);
    this.freeAsimov = fitModel(model, this.asimov, { init: this.asimov.generatingPars, bounds });
  }

  /** q_μ (or q̃_μ) on observed and Asimov data. */
  teststats(mu: number): { q: number; qA: number } {
    const o = testStatistic(this.stat, this.model, this.data, mu, {
      free: this.freeObs,
      init: this.lastObs,
    });
    const a = testStatistic(this.stat, this.model, this.asimov, mu, {
      free: this.freeAsimov,
      init: this.lastAsimov,
    });
    this.lastObs = o.conditional.values;
    this.lastAsimov = a.conditional.values;
    return { q: o.value, qA: a.value };
  }

  /** CLs observed and expected at μ. */
  hypotest(mu: number): HypotestResult {
    const { q, qA } = this.teststats(mu);
    const { clsb, clb, cls } = clsFromQ(q, qA, this.stat);
    return {
      mu,
      CLs_obs: cls,
      CLs_exp: BAND_SIGMAS.map((N) => expectedCls(qA, N)),
      CLsb: clsb,
      CLb: clb,
      q,
      qA,
      muhat: this.freeObs.values[this.model.poiIndex] as number,
    };
  }
}

/** One-shot asymptotic hypothesis test at μ (pyhf `infer.hypotest(..., return_expected_set=True)`). */
export function hypotest(
  model: HistFactoryModel,
  mu: number,
  options: { data?: FitData; testStat?: TestStatistic } = {},
): HypotestResult {
  return new AsymptoticCalculator(model, options).hypotest(mu);
}

/** Discovery test: q0, p0 = Φ(−√q0), Z = √q0, and expected p0/Z from Asimov data with μ′ = 1. */
export function discovery(
  model: HistFactoryModel,
  data: FitData = observedData(model),
): { q0: number; p0_obs: number; Z_obs: number; p0_exp: number[]; Z_exp: number[] } {
  const obs = q0(model, data);
  const asimov = asimovData(model, data, 1, obs.free.values);
  const freeA = fitModel(model, asimov, { init: asimov.generatingPars });
  const sq0A = Math.sqrt(q0(model, asimov, { free: freeA }).value);
  const sq0 = Math.sqrt(obs.value);
  return {
    q0: obs.value,
    p0_obs: normalSf(sq0),
    Z_obs: sq0,
    p0_exp: BAND_SIGMAS.map((N) => normalSf(N + sq0A)),
    Z_exp: BAND_SIGMAS.map((N) => N + sq0A),
  };
}
