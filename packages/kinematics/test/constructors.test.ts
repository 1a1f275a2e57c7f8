/**
 * Columnar (pT, η, φ, m) and (pT, η, φ, E) constructors against kin_ref.py (lorentz_basics_exact.json:
 * the stored four-vector `a` and its pt, eta, phi, mass computed by numpy), the scalar forms, and
 * the package's input-error policy.
 */
import { readFileSync } from 'node:fs';
import { HepInputError } from '@hep/core';
import { describe, expect, it } from 'vitest';
import { fromPtEtaPhiE, fromPtEtaPhiM } from '../src/index.js';

// Cases with pT = 0 (η = ±∞, stored as null) cannot be rebuilt from (pT, η, φ): left out.
// biome-ignore lint/suspicious/noExplicitAny: JSON fixture records
const cases: any[] = JSON.parse(
  readFileSync(new URL('./fixtures/lorentz_basics_exact.json', import.meta.url), 'utf8'),
  // biome-ignore lint/suspicious/noExplicitAny: JSON fixture records
).cases.filter((c: any) => Number.isFinite(c.eta));
const col = (f: (c: (typeof cases)[number]) => number) => Float64Array.from(cases, f);

describe('columnar constructors', () => {
  const pt = col((c) => c.pt);
  const eta = col((c) => c.eta);
  const phi = col((c) => c.phi);
  it('fromPtEtaPhiM columns reproduce the numpy four-vectors (1e-12 of E)', () => {
    const v = fromPtEtaPhiM(
      pt,
      eta,
      phi,
      col((c) => c.mass),
    );
    cases.forEach((c, i) => {
      const tol = 1e-12 * c.a[3];
      expect(Math.abs((v.px[i] as number) - c.a[0])).toBeLessThanOrEqual(tol);
      expect(Math.abs((v.py[i] as number) - c.a[1])).toBeLessThanOrEqual(tol);
      expect(Math.abs((v.pz[i] as number) - c.a[2])).toBeLessThanOrEqual(tol);
      expect(Math.abs((v.E[i] as number) - c.a[3])).toBeLessThanOrEqual(tol);
    });
  });
  it('fromPtEtaPhiE columns reproduce them and equal the scalar form', () => {
    const E = col((c) => c.a[3]);
    const v = fromPtEtaPhiE(pt, eta, phi, E);
    cases.forEach((c, i) => {
      expect(Math.abs((v.pz[i] as number) - c.a[2])).toBeLessThanOrEqual(1e-12 * c.a[3]);
      const s = fromPtEtaPhiE(c.pt, c.eta, c.phi, c.a[3]);
      expect([v.px[i], v.py[i], v.pz[i], v.E[i]]).toEqual([s.px, s.py, s.pz, s.E]);
    });
  });
  it('bad input names column and index', () => {
    const m = col((c) => c.mass);
    m[2] = -1;
    try {
      fromPtEtaPhiM(pt, eta, phi, m);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(HepInputError);
      expect((e as HepInputError).argument).toBe('m');
      expect((e as HepInputError).index).toBe(2);
    }
    expect(() => fromPtEtaPhiE(pt, eta.subarray(1), phi, pt)).toThrow(HepInputError);
  });
});
