import { readFileSync } from 'node:fs';
import { HepInputError } from '@hep/core';
import { describe, expect, it } from 'vitest';
import { Histogram } from '../src/index.js';

const load = (f: string) => JSON.parse(readFileSync(new URL(`./fixtures/${f}`, import.meta.url), 'utf8'));
const ref = load('histogram_reference.json');
const uhi = load('uhi_reg_example.json');

describe('Histogram against numpy (boost-histogram bin convention)', () => {
  it('regular and variable axes: Σw, Σw² with flow bins, density', () => {
    for (const [name, axis] of [
      ['regular', { lower: -1, upper: 2, bins: 6 }],
      ['variable', { edges: ref.variable_edges }],
    ] as const) {
      const h = new Histogram(axis).fill(ref.x, ref.w);
      const r = ref[name];
      const [sumW, sumW2, density] = [h.values(true), h.variances(true), h.density()];
      for (let k = 0; k < sumW.length; k++) {
        expect(sumW[k]).toBeCloseTo(r.sumw_flow[k], 10);
        expect(sumW2[k]).toBeCloseTo(r.sumw2_flow[k], 10);
      }
      for (let k = 0; k < density.length; k++) expect(density[k]).toBeCloseTo(r.density[k], 12);
    }
  });
  it('reads the uhi reference examples and writes them back', () => {
    const one = Histogram.fromUHI(uhi.one);
    expect(Array.from(one.values())).toEqual([2, 3, 4]);
    expect(Array.from(one.values(true))).toEqual([1, 2, 3, 4, 5]);
    expect(one.metadata).toEqual({ one: true, two: 2, three: 'three' });
    const two = Histogram.fromUHI(uhi.two);
    const written = two.toUHI() as { axes: unknown[]; storage: { values: number[]; variances: number[] } };
    expect(written.axes).toEqual(uhi.two.axes);
    expect(written.storage.values).toEqual(uhi.two.storage.values);
    const back = Histogram.fromUHI(JSON.parse(JSON.stringify(written)));
    expect(Array.from(back.values(true))).toEqual(uhi.two.storage.values);
    // older uhi layout: arrays under storage.data
    const old = Histogram.fromUHI({
      axes: uhi.two.axes,
      storage: { type: 'double', data: { values: uhi.two.storage.values } },
    });
    expect(Array.from(old.values(true))).toEqual(uhi.two.storage.values);
  });
  it('rejects bad input with the offending path', () => {
    expect(() => new Histogram({ edges: [0, 1, 1] })).toThrow(HepInputError);
    expect(() => new Histogram({ lower: 0, upper: 1, bins: 2 }).fill([0.5, Number.NaN])).toThrow(
      /values\[1\]/,
    );
    expect(() => Histogram.fromUHI({ axes: uhi.one.axes, storage: { type: 'int', values: [1, 2] } })).toThrow(
      /uhi\.storage\.values/,
    );
  });
});
