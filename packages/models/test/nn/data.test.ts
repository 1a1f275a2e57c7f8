import { HepInputError } from '@hep/core';
import { describe, expect, it } from 'vitest';
import { packRows, packTargets } from '../../src/nn/data.js';

describe('packRows / packTargets', () => {
  it('packs Float64/Float32 columns row-major and one-hot encodes classes', () => {
    expect(Array.from(packRows([Float64Array.from([1, 2]), Float32Array.from([3, 4])], 2))).toEqual([
      1, 3, 2, 4,
    ]);
    expect(Array.from(packTargets([2, 0], 3))).toEqual([0, 0, 1, 1, 0, 0]);
  });
  it('names the offending column and event', () => {
    try {
      packRows([Float64Array.from([1, 2]), Float64Array.from([3, Number.POSITIVE_INFINITY])], 2);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(HepInputError);
      expect((e as HepInputError).argument).toBe('features[1]');
      expect((e as HepInputError).index).toBe(1);
    }
    expect(() => packRows([Float64Array.from([1])], 2)).toThrow(/expected 2 columns/);
    expect(() => packTargets([0, 3], 3)).toThrow(HepInputError);
  });
});
