import { readFileSync } from 'node:fs';
import { HepInputError } from '@hep/core';
import { describe, expect, it } from 'vitest';
import { Binning, knnGridSearch } from '../src/index.js';

const ref = JSON.parse(readFileSync(new URL('./fixtures/knn_reference.json', import.meta.url), 'utf8'));

describe('knnGridSearch (eq. 4) against numpy', () => {
  it('reproduces the MSE table of the fixed hold-out split', () => {
    const holdOut = Array.from({ length: ref.grid_hold_out }, (_, i) => i);
    const res = knnGridSearch(ref.support, ref.target, {
      binning: new Binning(ref.edges),
      components: [1, 2, 3, 4, 5],
      holdOut,
    });
    expect(res.rows.length).toBe(ref.grid.length);
    expect(res.nHoldOut).toBe(48);
    expect(res.nSupport).toBe(192);
    for (const r of ref.grid) {
      const ours = res.rows.find(
        (o) => o.k === r.k && o.metric === r.metric && o.nComponents === r.p && o.weights === r.weights,
      );
      expect(ours?.mse).toBeCloseTo(r.mse, 12);
    }
    const bestMse = Math.min(...ref.grid.map((r: { mse: number }) => r.mse));
    expect(res.best.mse).toBe(bestMse);
    for (let i = 1; i < res.rows.length; i++)
      expect(res.rows[i]!.mse).toBeGreaterThanOrEqual(res.rows[i - 1]!.mse);
  });

  it('random split is reproducible by seed and sized by the hold-out fraction', () => {
    const opts = { binning: new Binning(ref.edges), components: [2], ks: [3], seed: 4 };
    const a = knnGridSearch(ref.support, ref.target, opts);
    const b = knnGridSearch(ref.support, ref.target, opts);
    expect(a.rows).toEqual(b.rows);
    expect(a.nHoldOut).toBe(48);
    expect(a.rows.length).toBe(6);
  });

  it('rejects bad options', () => {
    const binning = new Binning(ref.edges);
    expect(() => knnGridSearch(ref.support, ref.target, { binning, holdOutFraction: 1 })).toThrow(
      HepInputError,
    );
    expect(() => knnGridSearch(ref.support, ref.target, { binning, components: [6] })).toThrow(HepInputError);
    expect(() => knnGridSearch(ref.support, ref.target, { binning, holdOut: [0, 0] })).toThrow(
      /holdOut\[1\]/,
    );
  });
});
