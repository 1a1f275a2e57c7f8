/**
 * Sign convention of φ* proven on spin-correlated matrix-element Monte Carlo
 * (fixtures/gen_phistar_mc.py → phistar_mc_events.json; 3000 unweighted lab-frame events each of
 * CP-even H → ττ and CP-odd A → ττ, τ → ρν, ρ → ππ⁰). Expected (FORMULAS.md §5, paper 001):
 * CP-even dN/dφ* = a cos(φ* + π) + c, CP-odd a cos φ* + c, a/c ≈ 0.21 before cuts.
 * The modulation is fitted unbinned: for dN/dφ* ∝ 1 + b cos φ* + s sin φ*, the least-squares /
 * moment estimators are b̂ = 2⟨cos φ*⟩, ŝ = 2⟨sin φ*⟩ with σ ≈ √((2 − b²)/N).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { phiStar } from '../src/index.js';

const mc = JSON.parse(
  readFileSync(new URL('./fixtures/phistar_mc_events.json', import.meta.url), 'utf8'),
) as Record<string, number[][][]>;

function columns(events: number[][][], k: number) {
  const pick = (c: number) => Float64Array.from(events, (ev) => ev[k]![c]!);
  return { px: pick(0), py: pick(1), pz: pick(2), E: pick(3) };
}

function fitModulation(events: number[][][]): { b: number; s: number; sigma: number } {
  const r = phiStar({
    piPlus: columns(events, 0),
    pi0Plus: columns(events, 1),
    piMinus: columns(events, 2),
    pi0Minus: columns(events, 3),
  });
  let c = 0;
  let s = 0;
  for (const x of r.phiStar) {
    c += Math.cos(x);
    s += Math.sin(x);
  }
  const n = r.phiStar.length;
  const b = (2 * c) / n;
  return { b, s: (2 * s) / n, sigma: Math.sqrt((2 - b * b) / n) };
}

describe('φ* on spin-correlated H/A → ττ → ρρ Monte Carlo', () => {
  const H = fitModulation(mc.H_cp_even!);
  const A = fitModulation(mc.A_cp_odd!);
  it('CP-even H: a cos(φ* + π) + c with a/c ≈ 0.21', () => {
    expect(H.b).toBeLessThan(-5 * H.sigma);
    expect(Math.abs(-H.b - 0.21)).toBeLessThan(4 * H.sigma);
    expect(Math.abs(H.s)).toBeLessThan(4 * H.sigma);
  });
  it('CP-odd A: a cos φ* + c with a/c ≈ 0.21', () => {
    expect(A.b).toBeGreaterThan(5 * A.sigma);
    expect(Math.abs(A.b - 0.21)).toBeLessThan(4 * A.sigma);
    expect(Math.abs(A.s)).toBeLessThan(4 * A.sigma);
  });
});
