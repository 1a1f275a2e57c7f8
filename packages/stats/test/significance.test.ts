import { readFileSync } from 'node:fs';
import { HepInputError } from '@hep/core';
import { describe, expect, it } from 'vitest';
import {
  asimovCrossSectionLimit,
  asimovSignificance,
  asimovSignificanceWithUncertainty,
  countingDiscovery,
} from '../src/index.js';

const load = (f: string) => JSON.parse(readFileSync(new URL(`./fixtures/${f}`, import.meta.url), 'utf8'));
const shared = load('kde_chi2_cases.json');
const limitRef = load('significance_reference.json');

describe('counting significances against the shared scipy/hepstats references', () => {
  it('Asimov Z_A with and without background uncertainty (CCGV eq. 97, Cowan 2012)', () => {
    const r = shared.asimov_significance;
    expect(asimovSignificance(r.s, r.b)).toBeCloseTo(r.Z_A, 13);
    expect(asimovSignificanceWithUncertainty(r.s, r.b, r.with_bkg_unc.sigma_b)).toBeCloseTo(
      r.with_bkg_unc.Z_A,
      12,
    );
    expect(asimovSignificanceWithUncertainty(r.s, r.b, 1e-6)).toBeCloseTo(r.Z_A, 6);
  });
  it('observed counting discovery q0, Z and p0', () => {
    const r = shared.counting_discovery;
    const d = countingDiscovery(r.n, r.b);
    expect(d.q0).toBeCloseTo(r.q0, 12);
    expect(d.z).toBeCloseTo(r.Z, 12);
    expect(d.p0 / r.p0).toBeCloseTo(1, 12);
    expect(countingDiscovery(300, 340).q0).toBe(0);
  });
  it('paper 000 eq. 5 limit equals the pyhf median expected CLs limit of models without nuisances', () => {
    const cases = load('histfactory_cases.json') as {
      name: string;
      spec: { channels: { samples: { name: string; data: number[] }[] }[] };
      expected: { mu_up_exp?: number[] };
    }[];
    for (const name of ['nosys_5bin', 'nosys_10bin']) {
      const c = cases.find((x) => x.name === name)!;
      const samples = c.spec.channels[0]!.samples;
      const s = samples.find((x) => x.name === 'signal')!.data;
      const b = samples.find((x) => x.name === 'background')!.data;
      expect(asimovCrossSectionLimit(s, b) / c.expected.mu_up_exp![2]! - 1).toBeCloseTo(0, 5);
    }
  });
  it('paper 000 eq. 5 cross-section limit as scipy brentq', () => {
    const limit = asimovCrossSectionLimit(limitRef.signal_per_fb, limitRef.background);
    expect(limit / limitRef.limit_fb).toBeCloseTo(1, 11);
    expect(() => asimovCrossSectionLimit([0, 0], [1, 1])).toThrow(HepInputError);
    expect(() => asimovCrossSectionLimit([1, 1], [1, 0])).toThrow(/background\[1\]/);
  });
});
