import { readFileSync } from 'node:fs';
import { HepInputError } from '@hep/core';
import { describe, expect, it } from 'vitest';
import { normalCdf, normalIsf, normalLogSf, normalQuantile, normalSf } from '../src/index.js';

const ref = JSON.parse(readFileSync(new URL('./fixtures/normal_reference.json', import.meta.url), 'utf8'));

function expectRel(ours: number, theirs: number, rtol: number): void {
  if (theirs === 0) expect(Math.abs(ours)).toBe(0);
  else expect(Math.abs(ours / theirs - 1)).toBeLessThanOrEqual(rtol);
}

describe('standard normal against scipy.stats.norm', () => {
  it('cdf and sf to 1e-12 relative down to 1e-300', () => {
    ref.x.forEach((x: number, i: number) => {
      expectRel(normalCdf(x), ref.cdf[i], 1e-12);
      expectRel(normalSf(x), ref.sf[i], 1e-12);
    });
  });
  it('logsf beyond the double range', () => {
    ref.logsf_x.forEach((x: number, i: number) => {
      expectRel(normalLogSf(x), ref.logsf[i], 1e-12);
    });
  });
  it('quantile and inverse survival function', () => {
    ref.p.forEach((p: number, i: number) => {
      expectRel(normalQuantile(p), ref.ppf[i], 1e-12);
      expectRel(normalIsf(p), ref.isf[i], 1e-12);
    });
    expect(normalIsf(2.866515718791933e-7)).toBeCloseTo(5, 12);
    expect(() => normalQuantile(1.5)).toThrow(HepInputError);
  });
});
