/**
 * Splitting toy index ranges into shards for batch systems (Slurm/HTCondor job arrays) and merging
 * the shards' results back into one index-ordered list.
 *
 * @module
 */
import { HepInputError } from '../errors.js';

/** A contiguous range of toy indices [start, end) and the results of those toys, in index order. */
export interface ToyShard<R> {
  readonly start: number;
  readonly end: number;
  readonly results: readonly R[];
}

/** A toy index range [start, end). */
export interface IndexRange {
  readonly start: number;
  readonly end: number;
}

/**
 * The index range of shard `shard` (0-based) out of `shards` for `total` toys: contiguous ranges
 * whose sizes differ by at most one, covering [0, total) exactly once.
 *
 * @example
 * ```ts
 * shardRange(10, 0, 3); // { start: 0, end: 4 }
 * shardRange(10, 2, 3); // { start: 7, end: 10 }
 * ```
 */
export function shardRange(total: number, shard: number, shards: number): IndexRange {
  if (!Number.isInteger(total) || total < 0)
    throw new HepInputError('total', `must be a non-negative integer, got ${total}`);
  if (!Number.isInteger(shards) || shards < 1)
    throw new HepInputError('shards', `must be a positive integer, got ${shards}`);
  if (!Number.isInteger(shard) || shard < 0 || shard >= shards)
    throw new HepInputError('shard', `must be an integer in [0, ${shards - 1}], got ${shard}`);
  const base = Math.floor(total / shards);
  const extra = total % shards;
  const start = shard * base + Math.min(shard, extra);
  return { start, end: start + base + (shard < extra ? 1 : 0) };
}

/**
 * Parses a shard specification "k/n" (k = 0 … n−1, as batch-system array indices) into numbers.
 *
 * @throws HepInputError when the text is not of that form.
 */
export function parseShard(text: string): { shard: number; shards: number } {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (match === null) throw new HepInputError('shard', `expected "k/n", got "${text}"`);
  const shard = Number(match[1]);
  const shards = Number(match[2]);
  if (shards < 1 || shard >= shards)
    throw new HepInputError('shard', `expected 0 ≤ k < n in "k/n", got "${text}"`);
  return { shard, shards };
}

/**
 * Merges shards into one list ordered by toy index. The shards may come in any order but must
 * cover [0, total) (or their own union when `total` is omitted) without gaps or overlaps, and each
 * must hold exactly end − start results.
 *
 * @throws HepInputError naming the offending shard on a size mismatch, gap or overlap.
 */
export function mergeToyShards<R>(shards: readonly ToyShard<R>[], total?: number): R[] {
  const order = shards.map((_, i) => i).sort((a, b) => (shards[a]?.start ?? 0) - (shards[b]?.start ?? 0));
  const merged: R[] = [];
  let next = 0;
  for (const i of order) {
    const s = shards[i] as ToyShard<R>;
    if (s.results.length !== s.end - s.start)
      throw new HepInputError(
        'shards',
        `shard [${s.start}, ${s.end}) holds ${s.results.length} results, expected ${s.end - s.start}`,
        i,
      );
    if (s.start !== next)
      throw new HepInputError(
        'shards',
        s.start < next
          ? `shard [${s.start}, ${s.end}) overlaps toys below ${next}`
          : `toys [${next}, ${s.start}) are missing before shard [${s.start}, ${s.end})`,
        i,
      );
    merged.push(...s.results);
    next = s.end;
  }
  if (total !== undefined && next !== total)
    throw new HepInputError('shards', `cover toys [0, ${next}) but ${total} were expected`);
  return merged;
}
