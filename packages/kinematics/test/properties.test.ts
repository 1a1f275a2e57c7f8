/**
 * Property tests: Lorentz invariants are invariant, Δφ is antisymmetric and wrapped, coordinate
 * round trips close. Random vectors from the seeded Rng of @hep/core.
 */
import { Rng } from '@hep/core';
import { describe, expect, it } from 'vitest';
import {
  alignRhoRhoEvent,
  boost,
  deltaPhi,
  E,
  eta,
  type FourVector,
  fromPtEtaPhiE,
  fromPtEtaPhiM,
  mass,
  phi,
  phiStar,
  pt,
  rotateZ,
  visibleMass,
  wrapPhi,
} from '../src/index.js';

const rng = new Rng(20261123);
const randomVector = (mMax = 5): FourVector =>
  fromPtEtaPhiM(
    rng.uniform(1, 200),
    rng.uniform(-4, 4),
    rng.uniform(-Math.PI, Math.PI),
    rng.uniform(0.1, mMax),
  );
const randomBoost = (): FourVector =>
  fromPtEtaPhiM(rng.uniform(0, 300), rng.uniform(-3, 3), rng.uniform(-3, 3), 125);

function rotateY(v: FourVector, a: number): FourVector {
  const c = Math.cos(a);
  const s = Math.sin(a);
  return { px: c * v.px + s * v.pz, py: v.py, pz: -s * v.px + c * v.pz, E: v.E };
}

describe('invariance', () => {
  it('mass and m_vis under boosts and rotations', () => {
    for (let t = 0; t < 200; t++) {
      const a = randomVector();
      const b = randomVector();
      const B = randomBoost();
      const angle = rng.uniform(-3, 3);
      const m = visibleMass(a, b);
      const mb = visibleMass(boost(a, B), boost(b, B));
      const mr = visibleMass(rotateY(rotateZ(a, angle), 0.4), rotateY(rotateZ(b, angle), 0.4));
      expect(Math.abs(mb - m)).toBeLessThan(1e-9 * (a.E + b.E + boost(a, B).E + boost(b, B).E));
      expect(Math.abs(mr - m)).toBeLessThan(1e-10 * m);
      expect(Math.abs(mass(rotateZ(a, angle)) - mass(a))).toBeLessThan(1e-9 * a.E);
    }
  });
  it('φ* (default frame) under boosts and rotations of the whole event', () => {
    for (let t = 0; t < 200; t++) {
      const ev = {
        piPlus: fromPtEtaPhiM(rng.uniform(5, 50), rng.uniform(-2, 2), rng.uniform(-3, 3), 0.1396),
        pi0Plus: fromPtEtaPhiM(rng.uniform(5, 50), rng.uniform(-2, 2), rng.uniform(-3, 3), 0.135),
        piMinus: fromPtEtaPhiM(rng.uniform(5, 50), rng.uniform(-2, 2), rng.uniform(-3, 3), 0.1396),
        pi0Minus: fromPtEtaPhiM(rng.uniform(5, 50), rng.uniform(-2, 2), rng.uniform(-3, 3), 0.135),
      };
      const B = randomBoost();
      const angle = rng.uniform(-3, 3);
      const tr = (v: FourVector) => rotateY(rotateZ(v, angle), 0.7);
      const r0 = phiStar(ev);
      // Υ± uses lab energies: rotations keep them, boosts do not → compare φ′ under boosts, φ* under rotations.
      const rb = phiStar({
        piPlus: boost(ev.piPlus, B),
        pi0Plus: boost(ev.pi0Plus, B),
        piMinus: boost(ev.piMinus, B),
        pi0Minus: boost(ev.pi0Minus, B),
      });
      const rr = phiStar({
        piPlus: tr(ev.piPlus),
        pi0Plus: tr(ev.pi0Plus),
        piMinus: tr(ev.piMinus),
        pi0Minus: tr(ev.pi0Minus),
      });
      const dAngle = (x: number, y: number) => Math.abs(wrapPhi(x - y));
      expect(dAngle(rb.phiPrime, r0.phiPrime)).toBeLessThan(1e-7);
      expect(dAngle(rr.phiStar, r0.phiStar)).toBeLessThan(1e-9);
      const rf = phiStar(
        {
          piPlus: boost(ev.piPlus, B),
          pi0Plus: boost(ev.pi0Plus, B),
          piMinus: boost(ev.piMinus, B),
          pi0Minus: boost(ev.pi0Minus, B),
        },
        { upsilonFrame: 'frame' },
      );
      expect(dAngle(rf.phiStar, phiStar(ev, { upsilonFrame: 'frame' }).phiStar)).toBeLessThan(1e-7);
    }
  });
});

describe('Δφ and coordinates', () => {
  it('deltaPhi is wrapped to [−π, π) and antisymmetric away from the ±π edge', () => {
    for (let t = 0; t < 500; t++) {
      const a = randomVector();
      const b = randomVector();
      const d = deltaPhi(a, b);
      expect(d).toBeGreaterThanOrEqual(-Math.PI);
      expect(d).toBeLessThan(Math.PI);
      if (Math.abs(Math.abs(d) - Math.PI) > 1e-12) expect(deltaPhi(b, a)).toBeCloseTo(-d, 12);
    }
    expect(wrapPhi(Math.PI)).toBe(-Math.PI);
    expect(wrapPhi(-Math.PI)).toBe(-Math.PI);
    expect(phi({ px: -1, py: 0, pz: 0, E: 1 })).toBe(-Math.PI);
  });
  it('(pt, eta, phi, m) and (pt, eta, phi, E) round trips', () => {
    for (let t = 0; t < 500; t++) {
      const ptv = rng.uniform(0.5, 500);
      const etav = rng.uniform(-8, 8);
      const phiv = rng.uniform(-Math.PI, Math.PI);
      const m = rng.uniform(0, 100);
      const v = fromPtEtaPhiM(ptv, etav, phiv, m);
      expect(pt(v)).toBeCloseTo(ptv, 10);
      expect(Math.abs(eta(v) - etav)).toBeLessThan(1e-12 * Math.max(1, Math.abs(etav)) * 10);
      expect(Math.abs(phi(v) - phiv)).toBeLessThan(1e-14 * 10);
      const w = fromPtEtaPhiE(pt(v), eta(v), phi(v), E(v));
      expect(Math.abs(w.pz - v.pz)).toBeLessThan(1e-12 * Math.abs(v.E));
      if (m > 1) expect(Math.abs(mass(v) - m)).toBeLessThan(1e-12 * v.E * (v.E / m));
    }
  });
});

describe('paper 001 §3.2 event alignment', () => {
  it('visible τs along ±z in their ZMF, π⁺ with px = 0, φ* (Υ in frame) unchanged', () => {
    for (let t = 0; t < 100; t++) {
      const ev = {
        piPlus: fromPtEtaPhiM(rng.uniform(5, 50), rng.uniform(-2, 2), rng.uniform(-3, 3), 0.1396),
        pi0Plus: fromPtEtaPhiM(rng.uniform(5, 50), rng.uniform(-2, 2), rng.uniform(-3, 3), 0.135),
        piMinus: fromPtEtaPhiM(rng.uniform(5, 50), rng.uniform(-2, 2), rng.uniform(-3, 3), 0.1396),
        pi0Minus: fromPtEtaPhiM(rng.uniform(5, 50), rng.uniform(-2, 2), rng.uniform(-3, 3), 0.135),
      };
      const al = alignRhoRhoEvent(ev);
      const tp = {
        x: al.piPlus.px + al.pi0Plus.px,
        y: al.piPlus.py + al.pi0Plus.py,
        z: al.piPlus.pz + al.pi0Plus.pz,
      };
      const tm = {
        x: al.piMinus.px + al.pi0Minus.px,
        y: al.piMinus.py + al.pi0Minus.py,
        z: al.piMinus.pz + al.pi0Minus.pz,
      };
      const scale = al.piPlus.E + al.pi0Plus.E;
      for (const v of [tp.x, tp.y, tm.x, tm.y, tp.x + tm.x, tp.z + tm.z])
        expect(Math.abs(v)).toBeLessThan(1e-9 * scale);
      expect(tp.z).toBeGreaterThan(0);
      expect(Math.abs(al.piPlus.px)).toBeLessThan(1e-9 * scale);
      expect(al.piPlus.py).toBeGreaterThanOrEqual(0);
      const d = wrapPhi(
        phiStar(al, { upsilonFrame: 'frame' }).phiStar - phiStar(ev, { upsilonFrame: 'frame' }).phiStar,
      );
      expect(Math.abs(d)).toBeLessThan(1e-8);
      expect(Math.abs(visibleMass(al.piPlus, al.piMinus) - visibleMass(ev.piPlus, ev.piMinus))).toBeLessThan(
        1e-9 * scale,
      );
    }
  });
});
