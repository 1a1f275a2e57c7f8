import { readFileSync } from 'node:fs';
import { HepInputError } from '@hep/core';
import { describe, expect, it } from 'vitest';
import { fitMixture, GaussianKde } from '../src/index.js';

const ref = JSON.parse(
  readFileSync(new URL('./fixtures/kde_chi2_cases.json', import.meta.url), 'utf8'),
).kde_mixture_fit;

describe('K-component and extended mixture fits', () => {
  const sig = new GaussianKde(ref.sig_template_sample).pdf(ref.observed);
  const bkg = new GaussianKde(ref.bkg_template_sample).pdf(ref.observed);

  it('KDE templates at the events as scipy', () => {
    ref.template_pdf_at_first5_obs.sig.forEach((p: number, i: number) => {
      expect(sig[i]! / p - 1).toBeCloseTo(0, 10);
      expect(bkg[i]! / ref.template_pdf_at_first5_obs.bkg[i] - 1).toBeCloseTo(0, 10);
    });
  });
  it('fraction fit on KDE templates matches scipy (f̂, NLL, Hessian σ)', () => {
    const fit = fitMixture([sig, bkg]);
    const r = ref.nonextended_fraction_fit;
    expect(fit.status).toBe('converged');
    expect(fit.values[0]).toBeCloseTo(r.f_hat, 7);
    expect(fit.nll).toBeCloseTo(r.nll_min, 9);
    expect(fit.errors[0]! / r.sigma_f_hessian).toBeCloseTo(1, 5);
  });
  it('extended fit: yields, NLL, and q0 from the profile at ν_S = 0', () => {
    // scipy's L-BFGS-B stopped ~1e-6 short (its ν_S + ν_B = 59.99996); the exact optimum has
    // ν_S + ν_B = N = 60 and an NLL at or below scipy's
    const r = ref.extended_fit;
    const fit = fitMixture([sig, bkg], { extended: true });
    expect(fit.status).toBe('converged');
    expect(Math.abs(fit.values[0]! / r.ns_hat - 1)).toBeLessThan(1e-5);
    expect(Math.abs(fit.values[1]! / r.nb_hat - 1)).toBeLessThan(1e-5);
    expect(fit.values[0]! + fit.values[1]!).toBeCloseTo(60, 9);
    expect(fit.nll).toBeLessThanOrEqual(r.nll_min + 1e-12);
    expect(fit.nll).toBeCloseTo(r.nll_min, 8);
    const bOnly = fitMixture([sig, bkg], { extended: true, init: [0, 50], fixed: [0] });
    expect(bOnly.values[1]).toBeCloseTo(r.nb_hat_at_ns0, 6);
    expect(Math.abs((2 * (bOnly.nll - fit.nll)) / r.q0 - 1)).toBeLessThan(1e-7);
  });
  it('three components with disjoint supports: closed-form multinomial MLE', () => {
    // uniform templates on [0,1), [1,2), [2,3) (density 1 inside); 5, 3 and 2 events in each
    const y = [0.1, 0.2, 0.3, 0.5, 0.9, 1.1, 1.5, 1.7, 2.2, 2.8];
    const box = (lo: number) => y.map((v) => (v >= lo && v < lo + 1 ? 1 : 0));
    // mixing in a small common density keeps every template positive everywhere
    const t = [box(0), box(1), box(2)].map((c) => c.map((v) => 0.9 * v + 0.1 / 3));
    const fit = fitMixture(t);
    // region k has probability q_k = 0.9 f_k + 0.1/3; the multinomial MLE is q_k = n_k/N
    expect(fit.values[0]).toBeCloseTo((0.5 - 0.1 / 3) / 0.9, 9);
    expect(fit.values[1]).toBeCloseTo((0.3 - 0.1 / 3) / 0.9, 9);
  });
  it('rejects bad templates', () => {
    expect(() => fitMixture([sig])).toThrow(HepInputError);
    expect(() => fitMixture([sig, bkg.subarray(1)])).toThrow(/templates\[1\]/);
  });
});
