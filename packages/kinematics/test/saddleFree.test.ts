/**
 * The saddle-free Newton step d = |H|⁻¹g (internal, src/higgsness/saddleFree.ts: Jacobi) against
 * mpmath's 60-digit eigendecomposition (fixtures/saddle_free_cases.json from gen_saddle_free.py):
 * random and prescribed-spectrum symmetric 4 × 4 matrices, indefinite, with tiny eigenvalues down to
 * 1e-9 of the largest (a flat valley of the χ²) and one below the 1e-10 floor.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { saddleFreeStep } from '../src/higgsness/saddleFree.js';

interface Case {
  name: string;
  H: number[];
  g: number[];
  d: number[];
  kappa: number;
}
const { cases } = JSON.parse(
  readFileSync(new URL('./fixtures/saddle_free_cases.json', import.meta.url), 'utf8'),
) as { cases: Case[] };

describe('saddle-free step vs mpmath eigsy', () => {
  it.each(cases.map((c, i) => ({ i, c })))('case $i', ({ c }) => {
    const d = new Float64Array(4);
    const H = Float64Array.from(c.H);
    const g = Float64Array.from(c.g);
    saddleFreeStep(H, g, d);
    const norm = Math.hypot(...c.d);
    const err = Math.hypot(...c.d.map((v, k) => v - (d[k] as number)));
    // Backward-stable bound ≲ a few ε·κ (κ: condition of the floored |H|), but not below 1e-10:
    // rotations stop at |a_pq| ≤ 1e-11·√|a_pp·a_qq|, which leaves eigenvector errors of that size.
    expect(err).toBeLessThanOrEqual(Math.max(1e-14 * c.kappa, 1e-10) * norm);
    expect(Array.from(H)).toEqual(c.H); // input only read
  });
});
