import { readFileSync } from 'node:fs';
import { HepInputError, Rng } from '@hep/core';
import { describe, expect, it } from 'vitest';
import { GaussianKde } from '../src/index.js';

const load = (f: string) => JSON.parse(readFileSync(new URL(`./fixtures/${f}`, import.meta.url), 'utf8'));
const shared = load('kde_chi2_cases.json').kde_scipy_gaussian_kde;
const own = load('kde_reference.json');
const rel = (a: number, b: number) => Math.abs(a / b - 1);

describe('GaussianKde against scipy.stats.gaussian_kde', () => {
  it('Scott bandwidth, pdf, logpdf and cdf to 1e-10', () => {
    const kde = new GaussianKde(shared.data);
    expect(rel(kde.factor, shared.scott_factor)).toBeLessThan(1e-12);
    expect(rel(kde.bandwidth, shared.bandwidth_sigma)).toBeLessThan(1e-12);
    const pdf = kde.pdf(shared.eval_points);
    const logpdf = kde.logpdf(shared.eval_points);
    const cdf = kde.cdf(shared.eval_points);
    shared.eval_points.forEach((_: number, i: number) => {
      expect(rel(pdf[i]!, shared.pdf[i])).toBeLessThan(1e-10);
      expect(rel(logpdf[i]!, shared.logpdf[i])).toBeLessThan(1e-10);
      expect(rel(cdf[i]!, shared['cdf_integrate_box_1d_from_-inf'][i])).toBeLessThan(1e-10);
    });
  });
  it('Silverman bandwidth', () => {
    const kde = new GaussianKde(shared.data, { bandwidth: 'silverman' });
    expect(rel(kde.factor, shared.silverman_factor)).toBeLessThan(1e-12);
    const pdf = kde.pdf(shared.eval_points);
    shared.pdf_silverman.forEach((p: number, i: number) => {
      expect(rel(pdf[i]!, p)).toBeLessThan(1e-10);
    });
  });
  it('weights: n_eff, bandwidth and pdf as scipy', () => {
    const w = shared.weighted;
    const kde = new GaussianKde(shared.data, { weights: w.weights });
    expect(rel(kde.neff, w.neff)).toBeLessThan(1e-12);
    expect(rel(kde.factor, w.scott_factor)).toBeLessThan(1e-12);
    expect(rel(kde.bandwidth, w.bandwidth_sigma)).toBeLessThan(1e-12);
    const pdf = kde.pdf(shared.eval_points);
    w.pdf.forEach((p: number, i: number) => {
      expect(rel(pdf[i]!, p)).toBeLessThan(1e-10);
    });
  });
  it('reflection at the edges of [0, 1] and wrapping on [0, 2π)', () => {
    const scores = new GaussianKde(own.scores, { bounds: [0, 1] });
    const pdf = scores.pdf(own.points);
    own.reflected_pdf.forEach((p: number, i: number) => {
      expect(rel(pdf[i]!, p)).toBeLessThan(1e-10);
    });
    expect(scores.pdf([-0.1, 1.1])).toEqual(new Float64Array([0, 0]));
    expect(scores.cdf([1])[0]).toBeCloseTo(1, 12); // the reflected density integrates to 1 on [0, 1]
    const circle = new GaussianKde(own.phi, { bandwidth: 'silverman', period: [0, 2 * Math.PI] });
    const cp = circle.pdf(own.phi_points);
    own.circular_pdf.forEach((p: number, i: number) => {
      expect(rel(cp[i]!, p)).toBeLessThan(1e-10);
    });
  });
  it('binned fast path stays within its stated error bound', () => {
    const rng = new Rng(4);
    const data = Float64Array.from({ length: 20_000 }, () => rng.normal() + (rng.uniform() < 0.3 ? 3 : 0));
    const points = Float64Array.from({ length: 400 }, (_, i) => -4 + (i * 11) / 400);
    for (const options of [{}, { bounds: [-6, 10] as [number, number] }]) {
      const kde = new GaussianKde(data, options);
      const exact = kde.pdf(points);
      const fast = kde.pdfBinned(points, 2048);
      const max = Math.max(...exact);
      const bound = kde.binnedErrorBound(2048) * max;
      for (let i = 0; i < points.length; i++)
        expect(Math.abs(fast[i]! - exact[i]!)).toBeLessThanOrEqual(bound);
    }
  });
  it('rejects bad input', () => {
    expect(() => new GaussianKde([])).toThrow(HepInputError);
    expect(() => new GaussianKde([1, 1, 1])).toThrow(/distinct/);
    expect(() => new GaussianKde([1, 2], { weights: [1] })).toThrow(/weights/);
    expect(() => new GaussianKde([1, 2], { bandwidth: -1 })).toThrow(/bandwidth/);
    expect(() => new GaussianKde([1, 2]).pdf([Number.NaN])).toThrow(/points\[0\]/);
  });
});
