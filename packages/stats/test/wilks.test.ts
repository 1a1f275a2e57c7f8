import { readFileSync } from 'node:fs';
import { HepInputError, Rng } from '@hep/core';
import { describe, expect, it } from 'vitest';
import {
  andersonDarlingCdf,
  andersonDarlingTestChi2,
  chi2PercentileTable,
  empiricalPValue,
  fitChi2Dof,
  kolmogorovSf,
  ksTestChi2,
  normalIsf,
} from '../src/index.js';

const ref = JSON.parse(readFileSync(new URL('./fixtures/wilks_reference.json', import.meta.url), 'utf8'));

describe('Wilks / χ² checks against scipy', () => {
  it('asymptotic Kolmogorov survival function as scipy.stats.kstwobign', () => {
    for (const [lambda, sf] of ref.kolmogorov_sf as [number, number][]) {
      expect(Math.abs(kolmogorovSf(lambda) / sf - 1)).toBeLessThan(1e-12);
    }
  });
  it('KS statistic and p-value as scipy.stats.kstest(method="asymp")', () => {
    const r = ksTestChi2(ref.sample, 1);
    expect(r.statistic).toBeCloseTo(ref.ks_vs_chi2_1.statistic, 13);
    expect(Math.abs(r.pValue / ref.ks_vs_chi2_1.pvalue - 1)).toBeLessThan(1e-9);
  });
  it('Anderson–Darling statistic as scipy.stats.goodness_of_fit and the Stephens critical values', () => {
    expect(andersonDarlingTestChi2(ref.sample, 1).statistic).toBeCloseTo(ref.ad_vs_chi2_1_statistic, 10);
    for (const [alpha, z] of Object.entries(ref.ad_critical as Record<string, number>)) {
      expect(1 - andersonDarlingCdf(z)).toBeCloseTo(Number(alpha), 3);
    }
  });
  it('ML fit of the number of degrees of freedom with its Fisher uncertainty', () => {
    const fit = fitChi2Dof(ref.sample);
    expect(fit.converged).toBe(true);
    expect(fit.dof).toBeCloseTo(ref.ml_dof, 12);
    expect(fit.sigma).toBeCloseTo(ref.ml_dof_sigma, 12);
  });
  it('percentile table as numpy.percentile and scipy.stats.chi2.ppf', () => {
    const rows = chi2PercentileTable(ref.sample, 1, ref.percentiles.p);
    rows.forEach((r, i) => {
      expect(r.empirical).toBeCloseTo(ref.percentiles.empirical[i], 12);
      expect(r.chi2).toBeCloseTo(ref.percentiles.chi2_1[i], 12);
    });
  });
  it('accepts a true χ²_3 sample and recovers its dof', () => {
    const rng = new Rng(5);
    const t = Float64Array.from({ length: 4000 }, () => 2 * rng.gamma(1.5));
    expect(ksTestChi2(t, 3).pValue).toBeGreaterThan(0.01);
    expect(andersonDarlingTestChi2(t, 3).pValue).toBeGreaterThan(0.01);
    const fit = fitChi2Dof(t);
    expect(Math.abs(fit.dof - 3)).toBeLessThan(3 * fit.sigma);
  });
  it('empirical p-values bound p by 1/N when no toy exceeds', () => {
    const toys = [0.1, 0.5, 2, 3, 7];
    expect(empiricalPValue(2.5, toys)).toMatchObject({ pValue: 0.4, nExceeding: 2, isBound: false });
    const none = empiricalPValue(10, toys);
    expect(none).toMatchObject({ pValue: 0.2, isBound: true });
    expect(none.z).toBeCloseTo(normalIsf(0.2), 15);
    expect(() => fitChi2Dof([1, 0, 2])).toThrow(HepInputError);
    expect(() => empiricalPValue(1, [])).toThrow(/nullSample/);
  });
});
