import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HepInputError } from '@hep/core';
import { describe, expect, it } from 'vitest';
import {
  asimovLimitCrossSection,
  asimovSignificance,
  asimovSignificanceWithUncertainty,
  CHI2_1DOF_95,
  significanceWithRelativeSystematic,
} from '../src/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const ref = JSON.parse(readFileSync(join(here, 'fixtures', 'significance_reference.json'), 'utf8'));
const cases = JSON.parse(readFileSync(join(here, 'fixtures', 'histfactory_cases.json'), 'utf8')) as {
  name: string;
  spec: { channels: { samples: { name: string; data: number[] }[] }[] };
  expected: { mu_up_exp?: number[] };
}[];

const close = (a: number, b: number, rtol: number): void =>
  expect(Math.abs(a - b) / Math.abs(b)).toBeLessThanOrEqual(rtol);

describe('closed-form sensitivities (make_significance_reference.py, scipy)', () => {
  it('χ²₁ 95 % threshold equals scipy', () => close(CHI2_1DOF_95, ref.chi2_1dof_95, 1e-15));

  it('paper 000 eq. 5 limit matches scipy brentq', () =>
    close(asimovLimitCrossSection(ref.limit.s_per_fb, ref.limit.b), ref.limit.sigma95, 1e-12));

  it('paper 000 eq. 5 equals pyhf median expected CLs limit without nuisances (nosys_5bin, nosys_10bin)', () => {
    for (const name of ['nosys_5bin', 'nosys_10bin']) {
      const c = cases.find((x) => x.name === name);
      if (c?.expected.mu_up_exp === undefined) throw new Error(`missing case ${name}`);
      const samples = (c.spec.channels[0] as { samples: { name: string; data: number[] }[] }).samples;
      const s = samples.find((x) => x.name === 'signal')?.data ?? [];
      const b = samples.find((x) => x.name === 'background')?.data ?? [];
      close(asimovLimitCrossSection(s, b), c.expected.mu_up_exp[2] as number, 1e-5);
    }
  });

  it('Z_A and Cowan Z with background uncertainty', () => {
    close(asimovSignificance(ref.za.s, ref.za.b), ref.za.Z, 1e-13);
    for (const r of ref.cowan) close(asimovSignificanceWithUncertainty(r.s, r.b, r.sigma_b), r.Z, 1e-10);
    // σ_b → 0 recovers Z_A.
    close(asimovSignificanceWithUncertainty(5, 10, 1e-4), asimovSignificance([5], [10]), 1e-6);
  });

  it('paper 003 eq. 9', () => {
    const p = ref.paper003;
    close(significanceWithRelativeSystematic(p.signal, p.backgrounds, p.rel), p.N, 1e-14);
  });

  it('rejects bad input with the argument and index', () => {
    expect(() => asimovSignificance([1, 2], [1, 0])).toThrow(HepInputError);
    expect(() => asimovSignificance([1, 2], [1, 0])).toThrow(/background/);
    expect(() => asimovSignificanceWithUncertainty(1, 2, -1)).toThrow(/sigmaB/);
  });
});
