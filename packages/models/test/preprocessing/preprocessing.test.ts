import { readFileSync } from 'node:fs';
import { HepInputError, Rng } from '@hep/core';
import { describe, expect, it } from 'vitest';
import { resampleUniformInBins, stratifiedSplit } from '../../src/preprocessing/split.js';
import { StandardScaler } from '../../src/preprocessing/standardScaler.js';

const ref = JSON.parse(
  readFileSync(new URL('../fixtures/standard_scaler.json', import.meta.url), 'utf8'),
) as {
  columns: number[][];
  mean: number[];
  scale: number[];
  transformed: number[][];
};

describe('StandardScaler (numpy reference, fixtures/standard_scaler.py)', () => {
  const cols = ref.columns.map((c) => Float64Array.from(c));
  it('fit/transform/inverse match numpy and leave the input untouched', () => {
    const copy = cols.map((c) => c.slice());
    const sc = StandardScaler.fit(cols);
    ref.mean.forEach((m, j) => {
      expect(sc.mean[j]).toBeCloseTo(m, 10);
    });
    ref.scale.forEach((s, j) => {
      expect(sc.scale[j]).toBeCloseTo(s, 10);
    });
    const z = sc.transform(cols);
    ref.transformed.forEach((col, j) => {
      col.forEach((v, i) => {
        expect(z[j]![i]).toBeCloseTo(v, 10);
      });
    });
    const back = sc.inverseTransform(z);
    back.forEach((col, j) => {
      col.forEach((v, i) => {
        expect(v).toBeCloseTo(cols[j]![i]!, 9);
      });
    });
    expect(cols).toEqual(copy);
    expect(StandardScaler.fromJSON(JSON.parse(JSON.stringify(sc.toJSON())))).toEqual(sc);
  });
  it('rejects NaN with the column and index', () => {
    const bad = [Float64Array.from([1, 2, Number.NaN])];
    try {
      StandardScaler.fit(bad);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(HepInputError);
      expect((e as HepInputError).argument).toBe('columns[0]');
      expect((e as HepInputError).index).toBe(2);
    }
  });
});

describe('stratifiedSplit', () => {
  it('keeps class fractions in each part, partitions the events and is seeded', () => {
    const labels = new Int32Array(1000).map((_, i) => (i < 300 ? 1 : 0));
    const s = stratifiedSplit(labels, { validation: 0.2, test: 0.1 }, new Rng(1));
    const frac = (idx: Int32Array) => idx.reduce((a, i) => a + labels[i]!, 0) / idx.length;
    expect(s.validation.length).toBe(200); // round(0.2·300) + round(0.2·700)
    expect(s.test.length).toBe(100);
    expect(s.train.length).toBe(700);
    for (const part of [s.train, s.validation, s.test]) expect(frac(part)).toBeCloseTo(0.3, 10);
    const all = new Set([...s.train, ...s.validation, ...s.test]);
    expect(all.size).toBe(1000);
    expect(stratifiedSplit(labels, { validation: 0.2, test: 0.1 }, new Rng(1))).toEqual(s);
    expect(() => stratifiedSplit(labels, { validation: 0.6, test: 0.5 }, new Rng(1))).toThrow(HepInputError);
  });
});

describe('resampleUniformInBins (paper 000: signal uniform in 50 m_H bins)', () => {
  it('draws the same count from every bin, without replacement where possible', () => {
    const rng = new Rng(4);
    const mH = Float64Array.from({ length: 5000 }, () => 200 + 250 * rng.uniform() ** 2); // skewed
    const idx = resampleUniformInBins(mH, { count: 50, lo: 200, hi: 450 }, 1000, new Rng(5));
    const perBin = new Int32Array(50);
    for (const i of idx) perBin[Math.floor((mH[i]! - 200) / 5)]!++;
    expect(Array.from(perBin)).toEqual(new Array(50).fill(20));
    // the densest bin has ≫ 20 events: no duplicates there
    const first = Array.from(idx).filter((i) => mH[i]! < 205);
    expect(new Set(first).size).toBe(20);
    expect(() => resampleUniformInBins(mH, { count: 50, lo: 100, hi: 450 }, 1000, new Rng(5))).toThrow(
      /bin 0 is empty/,
    );
  });
});
