/**
 * `nplm-modes` (issue 6; paper 004 §2.1): the two training modes of the NPLM test on the same null
 * toys, at a reduced scale where the reference mode is affordable: N(R) = 100, N_R = 10 000 (the
 * paper's ratio N_R/N(R) = 100), W = 9, 1-4-1, the reference sample merged at 0.02 in both modes
 * (so that both minimise the same objective; Adam costs ∝ points × epochs). Per toy:
 * - reference: Adam (lr 1e-3) for {@link MODES_EPOCHS} epochs, and for half of them (convergence:
 *   t must not move between the two);
 * - fast, unpenalised (λ = 0): the multi-start minimum, expected t_fast ≥ t_reference (the toys
 *   where it is not are listed in the notes);
 * - fast default (penalised, the calibrated default of the test).
 * Each sample of t is compared with χ²₁₃ (mean, ML dof, KS p).
 *
 * @module
 */
import {
  compareToPublished,
  type ReproductionOptions,
  type ReproductionReport,
  type ReproductionRow,
  type ReproductionSuite,
} from '@hep/core';
import { summariseNull } from '../nullSummary.js';
import type { ToyJob, ToyResult } from '../toyRunner.js';
import { runBatches, type ToyBatch } from './nullSuites.js';

/**
 * Adam epochs of the reference mode in this suite; the suite checks convergence by t at half of
 * them (README: training modes, for the measured differences).
 */
export const MODES_EPOCHS = 100_000;

/** The reduced-scale null job shared by the four fits of a toy. */
const MODES_JOB: Omit<ToyJob, 'seed'> = {
  kind: 'nplm',
  expectedReference: 100,
  referenceSize: 10_000,
  referenceResolution: 0.02,
};

/** Mean, ML dof and KS p against χ²₁₃ of one mode's t values. */
function modeRows(label: string, results: readonly ToyResult[]): ReproductionRow[] {
  const s = summariseNull(results, 13);
  return [
    compareToPublished(`${label}: mean t`, null, s.mean, { uncertainty: s.standardError, tolerance: null }),
    compareToPublished(`${label}: fitted χ² dof (ML)`, null, s.fittedDof, {
      uncertainty: s.fittedDofError,
      tolerance: null,
    }),
    compareToPublished(`${label}: KS p vs χ²₁₃`, null, s.ksPValue, { tolerance: null }),
  ];
}

/** The `nplm-modes` suite (see the module comment). */
export const nplmModesSuite: ReproductionSuite = {
  name: 'nplm-modes',
  title:
    'NPLM fast vs reference (Adam) training on the same null toys, N(R)=100, N_R=10 000, W=9, 1-4-1 (issue 6; paper 004 §2.1)',
  sizeDescription: `null toys (each: Adam ${MODES_EPOCHS} + ${MODES_EPOCHS / 2} epochs and two fast fits)`,
  defaultSize: 2,
  defaultSeed: 11,
  async run(options: ReproductionOptions): Promise<ReproductionReport> {
    const batch = (label: string, training: ToyJob['training']): ToyBatch => ({
      label,
      job: { ...MODES_JOB, training },
      toys: options.size,
    });
    // one seed for all four batches: the same toys (runBatches offsets the seed per batch)
    const batches = [
      batch('reference', { mode: 'reference', epochs: MODES_EPOCHS }),
      batch('reference half', { mode: 'reference', epochs: MODES_EPOCHS / 2 }),
      batch('fast λ=0', { penalty: 0 }),
      batch('fast default', {}),
    ];
    const results: ToyResult[][] = [];
    for (const b of batches) results.push(...(await runBatches([b], options)));
    const [ref, half, exact, fast] = results as [ToyResult[], ToyResult[], ToyResult[], ToyResult[]];
    const below: string[] = [];
    let moved = 0;
    let unsettled = 0;
    let gain = 0;
    ref.forEach((r, i) => {
      const e = (exact[i] as ToyResult).t;
      if (e < r.t - 1e-6) below.push(`toy ${r.index}: ${e.toFixed(3)} < ${r.t.toFixed(3)}`);
      gain += e - r.t;
      const change = Math.abs(r.t - (half[i] as ToyResult).t);
      moved = Math.max(moved, change);
      if (change > 0.01) unsettled++;
    });
    return {
      suite: 'nplm-modes',
      seed: options.seed,
      size: options.size,
      rows: [
        ...modeRows(`reference (Adam ${MODES_EPOCHS} epochs)`, ref),
        compareToPublished(
          `reference: max |t(${MODES_EPOCHS}) − t(${MODES_EPOCHS / 2})| over toys (converged: ≈ 0)`,
          null,
          moved,
          { tolerance: null },
        ),
        compareToPublished(
          `reference: toys with |t(${MODES_EPOCHS}) − t(${MODES_EPOCHS / 2})| > 0.01`,
          null,
          unsettled,
          {
            tolerance: null,
          },
        ),
        ...modeRows('fast λ=0 (exact minimum)', exact),
        compareToPublished('toys with t_fast(λ=0) < t_reference (must be 0)', 0, below.length, {
          tolerance: 0,
        }),
        compareToPublished('mean t_fast(λ=0) − t_reference', null, gain / ref.length, { tolerance: null }),
        ...modeRows('fast default (penalised)', fast),
      ],
      notes: [
        ...(below.length > 0
          ? [`t_fast(λ=0) < t_reference (fast minimum above Adam's): ${below.join('; ')}.`]
          : []),
        'Both modes see the same objective (reference merged at 0.02); Adam from the Glorot start of the toy, the fast ' +
          'mode from its multi-start screening, which is no proof of the global minimum (Adam ended lower on 0 of 100 ' +
          'toys with the default starts, README; any such toy is listed above). On most toys Adam ends in a worse ' +
          'local minimum, so its null is below the fast one (README: training modes).',
        'At this scale (N(R) = 100) the default penalty λ, calibrated in events for N(R) = 2000, is relatively 20× ' +
          'stronger: its dof is not the benchmark calibration.',
      ],
    };
  },
};
