/**
 * Reproduction suites: published numbers recomputed by the library. Packages register suites;
 * `pnpm reproduce [suite...]` runs them and writes `reports/<suite>.md` and `.json`.
 *
 * @module
 */
import type { ProgressCallback } from './progress.js';

/** Whether our number reproduces the published one. */
export type Verdict = 'agrees' | 'differs' | 'no reference';

/** One line of a reproduction report. */
export interface ReproductionRow {
  /** What is compared, e.g. "alpha=0.5: sigma(alpha-hat)". */
  name: string;
  /** The published value, or null where the paper gives none. */
  published: number | null;
  /** Our value. */
  ours: number;
  /** Statistical uncertainty of our value (Monte-Carlo error), or null. */
  uncertainty: number | null;
  /** Largest |ours − published| counted as agreement. */
  tolerance: number | null;
  verdict: Verdict;
}

/** The JSON written to `reports/<suite>.json`. */
export interface ReproductionReport {
  suite: string;
  seed: number;
  /** The size parameter the suite ran with (see the suite's `sizeDescription`). */
  size: number;
  rows: ReproductionRow[];
  /** Free-form remarks printed under the table. */
  notes?: string[];
  /** Wall time in seconds (filled in by the runner). */
  seconds?: number;
}

/** Options every suite accepts. */
export interface ReproductionOptions {
  seed: number;
  /** Suite-specific size (e.g. number of toy datasets); the suite's `defaultSize` when omitted. */
  size: number;
  progress?: ProgressCallback;
}

/** A registered reproduction of published results. */
export interface ReproductionSuite {
  /** Command-line name, e.g. "phistar-mixture". */
  name: string;
  /** One line: what is reproduced and from where (paper, table, figure). */
  title: string;
  /** What `size` counts, e.g. "datasets per alpha". */
  sizeDescription: string;
  defaultSize: number;
  defaultSeed: number;
  run(options: ReproductionOptions): ReproductionReport | Promise<ReproductionReport>;
}

/**
 * Builds a report row. The verdict is "agrees" when |ours − published| ≤ tolerance, "differs"
 * otherwise, and "no reference" when `published` is null.
 */
export function compareToPublished(
  name: string,
  published: number | null,
  ours: number,
  options: { uncertainty?: number | null; tolerance: number | null },
): ReproductionRow {
  const tolerance = options.tolerance;
  let verdict: Verdict = 'no reference';
  if (published !== null) {
    verdict = tolerance !== null && Math.abs(ours - published) <= tolerance ? 'agrees' : 'differs';
  }
  return { name, published, ours, uncertainty: options.uncertainty ?? null, tolerance, verdict };
}
