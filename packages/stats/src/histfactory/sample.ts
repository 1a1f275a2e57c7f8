/**
 * Pseudo-data from a HistFactory model at fixed parameters (pyhf `model.make_pdf(pars).sample()`):
 * main bins n_b ~ Poisson(ν_b(θ)); auxiliary data a_c ~ Normal(θ_c, σ_c) for Gaussian constraints and
 * a_c ~ Poisson(γ_c τ_c) for shapesys (Poisson) constraints.
 *
 * @module
 */

import type { Rng } from '@hep/core';
import type { HistFactoryModel } from './model.js';

/** One pseudo-dataset (main counts in model order, auxiliary data in constraint order). */
export interface SampledData {
  main: Float64Array;
  aux: Float64Array;
}

/**
 * Draws main and auxiliary data at parameters `pars` from `rng`. Main bins first, then auxiliaries,
 * in model order, so a given Rng state always gives the same dataset.
 */
export function sampleData(model: HistFactoryModel, pars: Float64Array, rng: Rng): SampledData {
  const nu = model.expectedMain(pars);
  const main = new Float64Array(model.nBins);
  for (let b = 0; b < model.nBins; b++) main[b] = rng.poisson(Math.max(0, nu[b] as number));
  const centre = model.expectedAux(pars);
  const aux = new Float64Array(centre.length);
  for (let c = 0; c < centre.length; c++)
    aux[c] = model.constraintIsPoisson[c]
      ? rng.poisson(centre[c] as number)
      : rng.normal(centre[c] as number, model.constraintWidth[c] as number);
  return { main, aux };
}
