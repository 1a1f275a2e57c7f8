/**
 * Profile-likelihood scan of the POI: −2Δ ln L(μ) = 2[NLL(μ, θ̂̂(μ)) − NLL(μ̂, θ̂)] on a grid of μ, with
 * the status of every conditional fit (CCGV 2011 eq. 7; the curve whose crossings of 1 and 3.84 give
 * the 68% and 95% two-sided intervals by Wilks' theorem). Each conditional fit is warm-started from the
 * previous grid point.
 *
 * @module
 */

import { HepInputError } from '@hep/core';
import type { HistFactoryModel } from '../histfactory/model.js';
import { type FitData, type FitResult, fitModel, observedData } from './fit.js';
import { statisticBounds } from './testStatistics.js';

/** Options of {@link profileScan}. */
export interface ProfileScanOptions {
  /** Data to fit (default: the model's observed data). */
  data?: FitData;
  /** POI bounds for all fits (default: the model's). */
  poiBounds?: readonly [number, number];
}

/** Result of {@link profileScan}. */
export interface ProfileScanResult {
  /** Scanned POI values (as given). */
  mu: Float64Array;
  /** −2Δ ln L at each μ, relative to the free fit (not clipped: slightly negative = fit round-off). */
  deltaTwiceNll: Float64Array;
  /** The free fit (μ̂ = `free.values[poiIndex]`). */
  free: FitResult;
  muhat: number;
  /** Status, iterations, EDM and −2 ln L of each conditional fit (0 = converged). */
  fits: { status: 0 | 1 | 2; iterations: number; edm: number; twiceNll: number }[];
}

/** Profile-likelihood scan of the POI over `mus` (each within the POI bounds). */
export function profileScan(
  model: HistFactoryModel,
  mus: ArrayLike<number>,
  options: ProfileScanOptions = {},
): ProfileScanResult {
  const data = options.data ?? observedData(model);
  const bounds = statisticBounds(model, 'tmu', options.poiBounds);
  const [lo, hi] = bounds.get(model.poiIndex) as readonly [number, number];
  const mu = Float64Array.from(mus);
  mu.forEach((m, i) => {
    if (!(m >= lo && m <= hi))
      throw new HepInputError(`mus[${i}]`, `${m} is outside the POI bounds [${lo}, ${hi}]`);
  });
  const free = fitModel(model, data, { bounds });
  const deltaTwiceNll = new Float64Array(mu.length);
  const fits: ProfileScanResult['fits'] = [];
  let init = free.values;
  mu.forEach((m, i) => {
    const c = fitModel(model, data, { bounds, fixedValues: new Map([[model.poiIndex, m]]), init });
    deltaTwiceNll[i] = c.twiceNll - free.twiceNll;
    fits.push({ status: c.status, iterations: c.iterations, edm: c.edm, twiceNll: c.twiceNll });
    init = c.values;
  });
  return { mu, deltaTwiceNll, free, muhat: free.values[model.poiIndex] as number, fits };
}
