/** Jagged collections: hand-worked small example, and real data (Zmumu: OS pair mass = stored M). */
import { readFileSync } from 'node:fs';
import { HepInputError } from '@hep/core';
import { describe, expect, it } from 'vitest';
import { leading, pairs, selectObjects, sortByPt, take, visibleMass } from '../src/index.js';

// event 0: 3 objects, event 1: none, event 2: 2 objects. pT = |px| here (py = 0).
const coll = {
  offsets: [0, 3, 3, 5],
  content: {
    px: [10, 30, 20, 5, 50],
    py: [0, 0, 0, 0, 0],
    charge: [1, -1, 1, -1, -1],
    flavour: [11, 13, 13, 11, 11],
  },
};

describe('jagged collections (hand-worked example)', () => {
  it('sortByPt, leading, selectObjects', () => {
    const s = sortByPt(coll);
    expect(Array.from(s.offsets)).toEqual([0, 3, 3, 5]);
    expect(Array.from(s.content.px!)).toEqual([30, 20, 10, 50, 5]);
    expect(Array.from(s.content.charge!)).toEqual([-1, 1, 1, -1, -1]);
    const l = leading(s, 1);
    expect(Array.from(l.offsets)).toEqual([0, 1, 1, 2]);
    expect(Array.from(l.content.px!)).toEqual([30, 50]);
    const sel = selectObjects(coll, [1, 0, 1, 1, 0]);
    expect(Array.from(sel.offsets)).toEqual([0, 2, 2, 3]);
    expect(Array.from(sel.content.px!)).toEqual([10, 20, 5]);
  });
  it('pairs: all, opposite sign, different flavour', () => {
    const all = pairs(coll);
    expect(Array.from(all.offsets)).toEqual([0, 3, 3, 4]);
    expect(Array.from(all.first)).toEqual([0, 0, 1, 3]);
    expect(Array.from(all.second)).toEqual([1, 2, 2, 4]);
    const os = pairs(coll, { kind: 'oppositeSign' });
    expect(Array.from(os.first)).toEqual([0, 1]);
    expect(Array.from(os.second)).toEqual([1, 2]);
    expect(Array.from(os.offsets)).toEqual([0, 2, 2, 2]);
    const df = pairs(coll, { kind: 'differentFlavour' });
    expect(Array.from(df.first)).toEqual([0, 0]);
    expect(Array.from(df.second)).toEqual([1, 2]);
    expect(Array.from(take(coll.content.px, df.second))).toEqual([30, 20]);
  });
  it('rejects malformed offsets and masks', () => {
    expect(() => sortByPt({ offsets: [0, 2, 1, 5], content: coll.content })).toThrow(HepInputError);
    expect(() => selectObjects(coll, [1, 0])).toThrow(HepInputError);
    expect(() =>
      pairs({ offsets: [0, 5], content: { px: [1, 2, 3, 4, 5] } }, { kind: 'oppositeSign' }),
    ).toThrow(HepInputError);
  });
});

describe('jagged on real data: Zmumu opposite-sign pair', () => {
  it('OS pair mass equals the stored dimuon M (1e-6 relative)', () => {
    const lines = readFileSync(new URL('./fixtures/zmumu.csv', import.meta.url), 'utf8')
      .trim()
      .split('\n');
    const h = lines[0]!.split(',');
    const rows = lines.slice(1).map((l) => l.split(',').map(Number));
    const get = (r: number[], name: string) => r[h.indexOf(name)]!;
    const content = {
      px: [] as number[],
      py: [] as number[],
      pz: [] as number[],
      E: [] as number[],
      charge: [] as number[],
    };
    const offsets = [0];
    for (const r of rows) {
      for (const s of ['1', '2']) {
        content.px.push(get(r, `px${s}`));
        content.py.push(get(r, `py${s}`));
        content.pz.push(get(r, `pz${s}`));
        content.E.push(get(r, `E${s}`));
        content.charge.push(get(r, `Q${s}`));
      }
      offsets.push(content.px.length);
    }
    const sorted = sortByPt({ offsets, content });
    const os = pairs(sorted, { kind: 'oppositeSign' });
    const c = sorted.content;
    const v = (idx: Uint32Array) => ({
      px: take(c.px!, idx),
      py: take(c.py!, idx),
      pz: take(c.pz!, idx),
      E: take(c.E!, idx),
    });
    const m = visibleMass(v(os.first), v(os.second));
    let checked = 0;
    for (let e = 0; e < rows.length; e++) {
      const a = os.offsets[e]!;
      if (os.offsets[e + 1]! === a) {
        expect(get(rows[e]!, 'Q1') * get(rows[e]!, 'Q2')).toBeGreaterThan(0);
        continue;
      }
      const M = get(rows[e]!, 'M');
      expect(Math.abs(m[a]! - M) / M).toBeLessThan(1e-6);
      checked++;
    }
    expect(checked).toBeGreaterThan(2000);
  });
});
