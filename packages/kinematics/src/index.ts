/**
 * `@hep/kinematics`: four-vectors and collider event variables (di-τ masses, φ*, transverse
 * masses, production angles), for one event (`{px, py, pz, E}` numbers) or for columns
 * (`{px: Float64Array, ...}`). Units: GeV and radians throughout.
 *
 * NaN/error policy: invalid INPUT (non-finite components, negative energies, length mismatches)
 * throws `HepInputError` naming the argument and event index; undefined OUTPUT for valid input
 * is NaN (or ±∞ for η/rapidity as scikit-hep `vector`). See `validate.ts`.
 *
 * @packageDocumentation
 */
import type { ReproductionSuite } from '@hep/core';

export { cosThetaCollinsSoper, cosThetaStar } from './angles/cosThetaStar.js';
export { alignRhoRhoEvent } from './cp/alignEvent.js';
export type { PhiStarColumns, PhiStarOptions, PhiStarResult, RhoRhoPions } from './cp/phiStar.js';
export { phiStar } from './cp/phiStar.js';
export type { HiggsnessOptions, TopnessOptions } from './higgsness/chi2.js';
export { higgsnessChi2, topnessChi2 } from './higgsness/chi2.js';
export type { HiggsnessFitOptions } from './higgsness/higgsness.js';
export { higgsness } from './higgsness/higgsness.js';
export type { MinimiserOptions } from './higgsness/minimise.js';
export { MinimiserStatus } from './higgsness/minimise.js';
export type { NeutrinoFitColumns, NeutrinoFitResult } from './higgsness/neutrinoFit.js';
export type { TopnessFitOptions } from './higgsness/topness.js';
export { topness } from './higgsness/topness.js';
export type { JaggedArrays, JaggedPairs, ObjectColumns, PairOptions } from './jagged/jagged.js';
export { leading, pairs, selectObjects, sortByPt, take } from './jagged/jagged.js';
export { fromPtEtaPhiE, fromPtEtaPhiM, fromPxPyPzE } from './lorentz/constructors.js';
export { wrapPhi } from './lorentz/kernels.js';
export { add, deltaEta, deltaPhi, deltaR, dot } from './lorentz/pairs.js';
export {
  beta,
  E,
  Et,
  eta,
  gamma,
  Mt,
  mass,
  mass2,
  p,
  phi,
  pt,
  rapidity,
  theta,
} from './lorentz/properties.js';
export { boost, boostToRestFrameOf, rotateZ } from './lorentz/transforms.js';
export type {
  CollinearMassColumns,
  CollinearMassOptions,
  CollinearMassResult,
} from './masses/collinearMass.js';
export { collinearMass } from './masses/collinearMass.js';
export type { CollinearMassBuffers } from './masses/collinearMassBuffers.js';
export { createCollinearMassBuffers } from './masses/collinearMassBuffers.js';
export type { DiTauCollinearColumns, DiTauCollinearResult } from './masses/ditauCollinearMass.js';
export { diTauCollinearMass } from './masses/ditauCollinearMass.js';
export type { TransverseMassOptions } from './masses/transverseMass.js';
export { totalTransverseMass, transverseMass } from './masses/transverseMass.js';
export { visibleMass } from './masses/visibleMass.js';
export type {
  FourVector,
  FourVectorArrays,
  FourVectorColumns,
  MissingPt,
  MissingPtColumns,
} from './types.js';
export type { JetColumns, MinDeltaPhiOptions, TowerColumns } from './vbf/radiation.js';
export { htEtaC, minDeltaPhiJetMet, PAPER002_ETA_C } from './vbf/radiation.js';
export { separation } from './vbf/separation.js';
export type { VbfVariables, VbfVariablesColumns } from './vbf/vbfVariables.js';
export { vbfVariables } from './vbf/vbfVariables.js';

/** Reproduction suites this package registers with `pnpm reproduce`. */
export const reproductionSuites: readonly ReproductionSuite[] = [];
