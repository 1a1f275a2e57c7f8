/** The package's single NaN/error policy (src/validate.ts): bad input throws HepInputError naming argument and index. */
import { HepInputError } from '@hep/core';
import { describe, expect, it } from 'vitest';
import {
  collinearMass,
  diTauCollinearMass,
  eta,
  fromPtEtaPhiM,
  mass,
  phiStar,
  pt,
  visibleMass,
} from '../src/index.js';

function thrown(f: () => unknown): HepInputError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(HepInputError);
    return e as HepInputError;
  }
  throw new Error('expected a HepInputError');
}

const col = (xs: number[]) => Float64Array.from(xs);
const good = { px: col([1, 2]), py: col([0, 1]), pz: col([3, 4]), E: col([10, 10]) };

describe('input validation', () => {
  it('NaN in a column names argument and index', () => {
    const e = thrown(() => pt({ ...good, py: col([0, Number.NaN]) }));
    expect(e.argument).toBe('v.py');
    expect(e.index).toBe(1);
  });
  it('negative energy', () => {
    const e = thrown(() => mass({ px: 0, py: 0, pz: 0, E: -1 }));
    expect(e.argument).toBe('v.E');
  });
  it('length mismatch between arguments', () => {
    const e = thrown(() =>
      visibleMass(good, { ...good, px: col([1]), py: col([1]), pz: col([1]), E: col([1]) }),
    );
    expect(e.argument).toBe('b.px');
  });
  it('infinite MET and bad options', () => {
    const l = { px: 10, py: 0, pz: 0, E: 10 };
    expect(thrown(() => collinearMass(l, l, { px: Infinity, py: 0 })).argument).toBe('met.px');
    // biome-ignore lint/suspicious/noExplicitAny: deliberately wrong option
    expect(thrown(() => collinearMass(l, l, { px: 1, py: 0 }, { neutrinoPt: 'x' as any })).argument).toBe(
      'options.neutrinoPt',
    );
    expect(thrown(() => fromPtEtaPhiM(-1, 0, 0, 0)).argument).toBe('pt');
  });
  it('undefined outputs are NaN / ±∞, not thrown', () => {
    expect(eta({ px: 0, py: 0, pz: 5, E: 5 })).toBe(Infinity);
    const l = { px: 0, py: 0, pz: 5, E: 5 };
    for (const neutrinoPt of ['projection', 'met'] as const) {
      const one = collinearMass({ px: 1, py: 0, pz: 0, E: 1 }, l, { px: 1, py: 1 }, { neutrinoPt });
      expect([one.x, one.mass]).toEqual([Number.NaN, Number.NaN]);
      const cols = collinearMass(
        { px: [1], py: [0], pz: [0], E: [1] },
        { px: [0], py: [0], pz: [5], E: [5] },
        { px: [1], py: [1] },
        { neutrinoPt },
      );
      expect([cols.x[0], cols.mass[0]]).toEqual([Number.NaN, Number.NaN]);
    }
    // back-to-back visible taus: the 2×2 system is singular
    const r = diTauCollinearMass(
      { px: 10, py: 0, pz: 1, E: 11 },
      { px: -20, py: 0, pz: 1, E: 21 },
      { px: 3, py: 0 },
    );
    expect(r.physical).toBe(false);
    expect(r.mass).toBeNaN();
    // x > 1 (MET opposite to both taus) → unphysical
    const u = diTauCollinearMass(
      { px: 10, py: 0, pz: 1, E: 11 },
      { px: 0, py: 20, pz: 1, E: 21 },
      { px: -3, py: -3 },
    );
    expect(u.physical).toBe(false);
    // φ*: π⁰ collinear with π± IN THE ZMF (event built at rest) → NaN
    const s = phiStar({
      piPlus: { px: 0, py: 0, pz: 3, E: 3.01 },
      pi0Plus: { px: 0, py: 0, pz: 2, E: 2.01 },
      piMinus: { px: 0.5, py: 0, pz: -2.5, E: 2.56 },
      pi0Minus: { px: -0.5, py: 0, pz: -2.5, E: 2.56 },
    });
    expect(s.phiStar).toBeNaN();
  });
});

describe('fused validation of the columnar collinear mass', () => {
  const l = { px: col([10, 20, 30]), py: col([1, 2, 3]), pz: col([0, 5, 9]), E: col([11, 22, 33]) };
  const met = { px: col([1, 2, 3]), py: col([0, 1, 0]) };
  it('names column and index of a NaN, an infinity and a negative energy', () => {
    let e = thrown(() => collinearMass(l, { ...l, pz: col([0, Number.NaN, 1]) }, met));
    expect([e.argument, e.index]).toEqual(['lepFromTau.pz', 1]);
    e = thrown(() => collinearMass(l, l, { ...met, py: col([0, 0, -Infinity]) }));
    expect([e.argument, e.index]).toEqual(['met.py', 2]);
    e = thrown(() => collinearMass({ ...l, E: col([11, -1, 33]) }, l, met));
    expect([e.argument, e.index]).toEqual(['lepPrompt.E', 1]);
    e = thrown(() => collinearMass(l, l, { px: col([1, 2]), py: col([1, 2]) }));
    expect(e.argument).toBe('met.px');
  });
});
