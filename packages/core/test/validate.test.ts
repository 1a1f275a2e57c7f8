import { describe, expect, it } from 'vitest';
import { assertColumns, assertFiniteArray, assertNonNegativeArray, HepInputError } from '../src/index.js';

describe('validation helpers', () => {
  it('name the argument and the first offending index', () => {
    try {
      assertFiniteArray('pt', [1, 2, Number.NaN, Number.POSITIVE_INFINITY]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(HepInputError);
      expect((e as HepInputError).argument).toBe('pt');
      expect((e as HepInputError).index).toBe(2);
    }
    expect(() => assertNonNegativeArray('counts', [0, 3, -1])).toThrow('counts[2]: must be ≥ 0, got -1');
  });
  it('check equal column lengths', () => {
    expect(assertColumns('lep', { px: [1, 2], py: [3, 4] })).toBe(2);
    expect(() => assertColumns('lep', { px: [1, 2], py: [3] })).toThrow(/lep\.py: length 1 differs/);
  });
});
