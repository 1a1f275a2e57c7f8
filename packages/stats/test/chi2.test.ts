import { readFileSync } from 'node:fs';
import { HepInputError } from '@hep/core';
import { describe, expect, it } from 'vitest';
import {
  chi2Cdf,
  chi2Isf,
  chi2LogSf,
  chi2Pdf,
  chi2Quantile,
  chi2Sf,
  gammaP,
  gammaQ,
  nonCentralChi2Cdf,
  nonCentralChi2Quantile,
  nonCentralChi2Sf,
} from '../src/index.js';

const load = (name: string) =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));
const ours = load('chi2_reference.json') as Record<string, number[][]>;
const shared = load('kde_chi2_cases.json');

function rel(a: number, b: number): number {
  if (b === 0) return Math.abs(a);
  return Math.abs(a / b - 1);
}

describe('regularised incomplete gamma vs scipy.special.gammainc/gammaincc', () => {
  it('P and Q to 1e-12 relative, including a = 2001 where stdlib fails', () => {
    for (const [a, x, P, Q] of ours.gamma!) {
      if (P! > 1e-300) expect(rel(gammaP(a!, x!), P!), `P(${a}, ${x})`).toBeLessThan(1e-12);
      if (Q! > 1e-300) expect(rel(gammaQ(a!, x!), Q!), `Q(${a}, ${x})`).toBeLessThan(1e-12);
    }
  });
});

describe('χ² distribution vs scipy.stats.chi2', () => {
  it('matches the shared reference table (k = 1, 2, 3, 12, 13)', () => {
    const c = shared.chi2;
    for (const k of c.k as number[]) {
      (c.x as number[]).forEach((x, i) => {
        expect(rel(chi2Cdf(x, k), c.cdf[k][i])).toBeLessThan(1e-12);
        expect(rel(chi2Sf(x, k), c.sf[k][i])).toBeLessThan(1e-12);
        expect(rel(chi2LogSf(x, k), c.logsf[k][i])).toBeLessThan(1e-12);
      });
      for (const [p, x] of Object.entries(c.ppf[k] as Record<string, number>)) {
        expect(rel(chi2Quantile(Number(p), k), x)).toBeLessThan(1e-12);
      }
    }
    for (const [label, p] of Object.entries(c.large_x_sf as Record<string, number>)) {
      const [k, x] = label.split(',').map((s) => Number(s.split('=')[1]));
      expect(rel(chi2Sf(x!, k!), p)).toBeLessThan(1e-12);
    }
  });
  it('cdf, sf, logsf and pdf for large k and tails down to 1e-300 and beyond', () => {
    for (const [k, x, cdf, sf, logsf, pdf] of ours.chi2!) {
      if (cdf! > 1e-300) expect(rel(chi2Cdf(x!, k!), cdf!), `cdf(${x}; ${k})`).toBeLessThan(1e-12);
      if (sf! > 1e-300) expect(rel(chi2Sf(x!, k!), sf!), `sf(${x}; ${k})`).toBeLessThan(1e-12);
      expect(rel(chi2LogSf(x!, k!), logsf!), `logsf(${x}; ${k})`).toBeLessThan(1e-12);
      if (pdf! > 1e-300) expect(rel(chi2Pdf(x!, k!), pdf!), `pdf(${x}; ${k})`).toBeLessThan(1e-12);
    }
  });
  it('quantile and inverse survival function from p = 1e-300 to 1 − 1e-12', () => {
    for (const [k, p, ppf, isf] of ours.chi2_ppf!) {
      expect(rel(chi2Quantile(p!, k!), ppf!), `ppf(${p}; ${k})`).toBeLessThan(1e-11);
      expect(rel(chi2Isf(p!, k!), isf!), `isf(${p}; ${k})`).toBeLessThan(1e-11);
    }
  });
  it('rejects bad arguments', () => {
    expect(() => chi2Sf(1, 0)).toThrow(HepInputError);
    expect(() => chi2Quantile(1.2, 3)).toThrow(/p/);
    expect(() => chi2Cdf(Number.NaN, 3)).toThrow(/x/);
  });
});

describe('non-central χ² vs scipy.stats.ncx2', () => {
  it('matches the shared table (cdf, sf, 95% quantile)', () => {
    for (const c of shared.ncx2.params as {
      k: number;
      nc: number;
      x: number[];
      cdf: number[];
      sf: number[];
    }[]) {
      c.x.forEach((x, i) => {
        expect(rel(nonCentralChi2Cdf(x, c.k, c.nc), c.cdf[i]!)).toBeLessThan(1e-10);
        expect(rel(nonCentralChi2Sf(x, c.k, c.nc), c.sf[i]!)).toBeLessThan(1e-10);
      });
      expect(
        rel(nonCentralChi2Quantile(0.95, c.k, c.nc), (c as unknown as Record<string, number>)['ppf_0.95']!),
      ).toBeLessThan(1e-10);
    }
  });
  it('matches scipy on larger non-centralities and tails', () => {
    for (const [k, nc, x, cdf, sf] of ours.ncx2!) {
      if (cdf! > 1e-280)
        expect(rel(nonCentralChi2Cdf(x!, k!, nc!), cdf!), `cdf(${x}; ${k}, ${nc})`).toBeLessThan(1e-10);
      if (sf! > 1e-280)
        expect(rel(nonCentralChi2Sf(x!, k!, nc!), sf!), `sf(${x}; ${k}, ${nc})`).toBeLessThan(1e-10);
    }
  });
});
