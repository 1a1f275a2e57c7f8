/**
 * Running benchmark toys on all cores and in shards (batch-system job arrays), on the @hep/core
 * worker pool: toy i always draws from Rng.stream(job.seed, i), so `runToys` over [0, n) equals the
 * merge of any sharding of [0, n) with any thread counts.
 *
 * @module
 */
import {
  HepInputError,
  type IndexRange,
  mergeToyShards,
  type ProgressCallback,
  runToysParallel,
  shardRange,
  type ToyShard,
  toyModuleUrl,
} from '@hep/core';
import type { ToyJob, ToyResult } from './toyRunner.js';

/** Options of {@link runToys}. */
export interface RunToysRange {
  /** First toy index (default 0). */
  start?: number;
  /** One past the last toy index. */
  end: number;
  /** Worker threads (default: all cores; 1 = in this thread). */
  threads?: number;
  onProgress?: ProgressCallback;
}

/** Runs toys [start, end) of `job` on worker threads; results in index order. */
export function runToys(job: ToyJob, range: RunToysRange): Promise<ToyResult[]> {
  return runToysParallel<ToyJob, ToyResult>({
    module: toyModuleUrl(import.meta.url, './toyRunner'),
    args: job,
    start: range.start ?? 0,
    end: range.end,
    threads: range.threads,
    onProgress: range.onProgress,
  });
}

/** A shard file: the job, the total toy count and one contiguous range of results. */
export interface ToyShardFile extends ToyShard<ToyResult> {
  job: ToyJob;
  total: number;
}

/** Runs shard k of n (0-based) of `total` toys of `job`. */
export async function runToyShard(
  job: ToyJob,
  total: number,
  shard: number,
  shards: number,
  options: { threads?: number; onProgress?: ProgressCallback } = {},
): Promise<ToyShardFile> {
  const { start, end }: IndexRange = shardRange(total, shard, shards);
  const results = await runToys(job, { start, end, ...options });
  return { job, total, start, end, results };
}

/**
 * Merges shard files of one job into the full index-ordered result list (checks that they share
 * the job and total and cover [0, total) without gaps or overlaps).
 */
export function mergeToyShardFiles(files: readonly ToyShardFile[]): ToyShardFile {
  const first = files[0];
  if (first === undefined) return { job: { kind: 'nplm', seed: 0 }, total: 0, start: 0, end: 0, results: [] };
  const key = JSON.stringify([first.job, first.total]);
  files.forEach((f, i) => {
    if (JSON.stringify([f.job, f.total]) !== key)
      throw new HepInputError('files', 'has a different job or total than shard file 0', i);
  });
  const results = mergeToyShards(files, first.total);
  return { job: first.job, total: first.total, start: 0, end: first.total, results };
}
