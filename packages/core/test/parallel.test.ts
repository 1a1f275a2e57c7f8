import { describe, expect, it } from 'vitest';
import {
  HepError,
  HepInputError,
  mergeToyShards,
  parseShard,
  Rng,
  runToysParallel,
  shardRange,
  toyModuleUrl,
} from '../src/index.js';

const module = toyModuleUrl(import.meta.url, './fixtures/sumOfNormalsToy');
const args = { seed: 42, draws: 50 };

/** The serial definition of the toys: what every parallel run must reproduce exactly. */
function serial(start: number, end: number): number[] {
  const out: number[] = [];
  for (let i = start; i < end; i++) {
    const rng = Rng.stream(args.seed, i);
    let sum = 0;
    for (let k = 0; k < args.draws; k++) sum += rng.normal();
    out.push(sum);
  }
  return out;
}

describe('shardRange / parseShard / mergeToyShards', () => {
  it('covers [0, total) exactly once with sizes differing by at most one', () => {
    for (const [total, shards] of [
      [10, 3],
      [7, 7],
      [3, 5],
      [1000, 64],
    ] as const) {
      let next = 0;
      const sizes: number[] = [];
      for (let k = 0; k < shards; k++) {
        const r = shardRange(total, k, shards);
        expect(r.start).toBe(next);
        sizes.push(r.end - r.start);
        next = r.end;
      }
      expect(next).toBe(total);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
    expect(shardRange(10, 0, 3)).toEqual({ start: 0, end: 4 });
    expect(shardRange(10, 2, 3)).toEqual({ start: 7, end: 10 });
    expect(() => shardRange(10, 3, 3)).toThrow(HepInputError);
  });

  it('parses "k/n" and rejects anything else', () => {
    expect(parseShard('2/8')).toEqual({ shard: 2, shards: 8 });
    expect(() => parseShard('8/8')).toThrow(/0 ≤ k < n/);
    expect(() => parseShard('two of eight')).toThrow(HepInputError);
  });

  it('merges shards in any order and names gaps, overlaps and size mismatches', () => {
    const a = { start: 0, end: 2, results: ['a', 'b'] };
    const b = { start: 2, end: 3, results: ['c'] };
    expect(mergeToyShards([b, a], 3)).toEqual(['a', 'b', 'c']);
    expect(() => mergeToyShards([a], 3)).toThrow(/cover toys \[0, 2\) but 3/);
    expect(() => mergeToyShards([a, { start: 3, end: 4, results: ['d'] }])).toThrow(/\[2, 3\) are missing/);
    expect(() => mergeToyShards([a, { start: 1, end: 3, results: ['x', 'y'] }])).toThrow(/overlaps/);
    expect(() => mergeToyShards([{ start: 0, end: 2, results: ['a'] }])).toThrow(/holds 1 results/);
  });
});

describe('runToysParallel', () => {
  it('gives the serial results for any thread count, chunking and sharding', async () => {
    const expected = serial(0, 37);
    const progress: number[] = [];
    const inProcess = await runToysParallel<typeof args, number>({
      module,
      args,
      end: 37,
      threads: 1,
      chunk: 10,
      onProgress: (done) => progress.push(done),
    });
    expect(inProcess).toEqual(expected);
    expect(progress).toEqual([10, 20, 30, 37]);
    const onWorkers = await runToysParallel<typeof args, number>({
      module,
      args,
      end: 37,
      threads: 2,
      chunk: 3,
    });
    expect(onWorkers).toEqual(expected);
    const shards = [];
    for (let k = 0; k < 3; k++) {
      const { start, end } = shardRange(37, k, 3);
      shards.push({
        start,
        end,
        results: await runToysParallel<typeof args, number>({ module, args, start, end, threads: 2 }),
      });
    }
    expect(mergeToyShards(shards.reverse(), 37)).toEqual(expected);
  }, 60_000);

  it('reports a failing toy with its index range, from workers and in-process', async () => {
    const failing = { ...args, throwAt: 5 };
    await expect(runToysParallel({ module, args: failing, end: 8, threads: 2, chunk: 4 })).rejects.toThrow(
      /toys from 4: Error: toy 5 refuses/,
    );
    await expect(runToysParallel({ module, args: failing, end: 8, threads: 1 })).rejects.toThrow(
      /toy 5 refuses/,
    );
    await expect(
      runToysParallel({ module, args, end: 2, threads: 2, exportName: 'missing' }),
    ).rejects.toThrow(HepError);
  }, 60_000);

  it('rejects bad ranges and thread counts', async () => {
    await expect(runToysParallel({ module, args, start: 5, end: 2 })).rejects.toThrow(HepInputError);
    await expect(runToysParallel({ module, args, end: 2, threads: 0 })).rejects.toThrow(/threads/);
  });
});
