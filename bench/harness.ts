/**
 * Benchmark harness: every case times our code and a baseline in the same process and reports the
 * ratio of medians. Absolute times on shared CI machines are noise; ratios measured in one run are
 * what we track. External anchors (e.g. numpy or pyhf timed on this machine, recorded in the issue)
 * are printed beside them for context.
 */

/** A timed function. `items` (events, toys, points) lets the table print a throughput. */
export interface Timed {
  name: string;
  run: () => unknown | Promise<unknown>;
  /** Extrapolation factor applied to the measured time (a baseline timed on a subset; say so in `name`). */
  scale?: number;
}

/** One comparison row. */
export interface BenchCase {
  name: string;
  ours: Timed;
  baseline?: Timed;
  /** Times measured elsewhere (seconds), printed with the ratio anchor / ours. */
  anchors?: { name: string; seconds: number }[];
  /** Items processed by one call (for throughput). */
  items?: number;
  /** Minimum total time per measured function in seconds (default 1). */
  minSeconds?: number;
  /** Maximum repeats per measured function (default 50). */
  maxRepeats?: number;
}

/** A named set of cases under `bench/<name>.bench.ts` (default export). */
export interface BenchSuite {
  name: string;
  description: string;
  cases: () => BenchCase[] | Promise<BenchCase[]>;
}

/** Result of timing one function. */
export interface Timing {
  name: string;
  medianSeconds: number;
  minSeconds: number;
  repeats: number;
}

/** Result row written to `bench/results/<suite>.json`. */
export interface BenchResult {
  name: string;
  ours: Timing;
  baseline: Timing | null;
  /** baseline median / ours median (> 1: we are faster). */
  ratio: number | null;
  anchors: { name: string; seconds: number; ratio: number }[];
  itemsPerSecond: number | null;
}

export function defineSuite(suite: BenchSuite): BenchSuite {
  return suite;
}

/** Times `fn`: one warm-up call, then repeats until `minSeconds` of total time or `maxRepeats`. */
export async function time(timed: Timed, minSeconds = 1, maxRepeats = 50): Promise<Timing> {
  await timed.run();
  const samples: number[] = [];
  const start = performance.now();
  while (
    samples.length < 3 ||
    (performance.now() - start < minSeconds * 1000 && samples.length < maxRepeats)
  ) {
    const t0 = performance.now();
    await timed.run();
    samples.push((performance.now() - t0) / 1000);
  }
  const scale = timed.scale ?? 1;
  for (let i = 0; i < samples.length; i++) samples[i]! *= scale;
  samples.sort((a, b) => a - b);
  const mid = samples.length >> 1;
  const median = samples.length % 2 ? samples[mid]! : 0.5 * (samples[mid - 1]! + samples[mid]!);
  return { name: timed.name, medianSeconds: median, minSeconds: samples[0]!, repeats: samples.length };
}

export async function runCase(c: BenchCase): Promise<BenchResult> {
  const ours = await time(c.ours, c.minSeconds, c.maxRepeats);
  const baseline = c.baseline ? await time(c.baseline, c.minSeconds, c.maxRepeats) : null;
  return {
    name: c.name,
    ours,
    baseline,
    ratio: baseline ? baseline.medianSeconds / ours.medianSeconds : null,
    anchors: (c.anchors ?? []).map((a) => ({ ...a, ratio: a.seconds / ours.medianSeconds })),
    itemsPerSecond: c.items ? c.items / ours.medianSeconds : null,
  };
}

function fmtTime(s: number): string {
  if (s >= 1) return `${s.toFixed(3)} s`;
  if (s >= 1e-3) return `${(s * 1e3).toFixed(3)} ms`;
  return `${(s * 1e6).toFixed(2)} µs`;
}

function fmtRate(r: number): string {
  return r >= 1e6
    ? `${(r / 1e6).toFixed(2)} M/s`
    : r >= 1e3
      ? `${(r / 1e3).toFixed(1)} k/s`
      : `${r.toFixed(1)} /s`;
}

/** Markdown table of a suite's results. */
export function formatTable(results: BenchResult[]): string {
  const lines = [
    '| case | ours (median) | baseline | baseline (median) | ratio | throughput | anchors (anchor/ours) |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const r of results) {
    const anchors = r.anchors
      .map((a) => `${a.name} ${fmtTime(a.seconds)}: ${a.ratio.toFixed(2)}×`)
      .join('; ');
    lines.push(
      `| ${r.name} | ${fmtTime(r.ours.medianSeconds)} | ${r.baseline?.name ?? '—'} | ${
        r.baseline ? fmtTime(r.baseline.medianSeconds) : '—'
      } | ${r.ratio === null ? '—' : `${r.ratio.toFixed(2)}×`} | ${
        r.itemsPerSecond === null ? '—' : fmtRate(r.itemsPerSecond)
      } | ${anchors || '—'} |`,
    );
  }
  return lines.join('\n');
}
