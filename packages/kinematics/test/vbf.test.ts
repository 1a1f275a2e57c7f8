/** VBF variables of paper 002 §3 against the numpy reference fixtures/gen_vbf.py → vbf_cases.json. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { eta, htEtaC, minDeltaPhiJetMet, PAPER002_ETA_C, separation, vbfVariables } from '../src/index.js';

interface VbfEvent {
  jets: number[][];
  met: number[];
  towers_et: number[];
  towers_eta: number[];
  minDeltaPhiJetMet: number | null;
  htEtaC: number[];
  [key: string]: unknown;
}
const ref = JSON.parse(readFileSync(new URL('./fixtures/vbf_cases.json', import.meta.url), 'utf8')) as {
  etaC: number[];
  events: VbfEvent[];
  separation: { signal: number[]; background: number[]; value: number };
};
const v4 = (a: number[]) => ({ px: a[0]!, py: a[1]!, pz: a[2]!, E: a[3]! });
const near = (a: number, b: number, rel = 1e-12, abs = 1e-12) =>
  expect(Math.abs(a - b)).toBeLessThanOrEqual(Math.max(abs, rel * Math.abs(b)));

describe('paper 002 VBF variables', () => {
  it('uses the paper’s 16 η_C values', () => expect(PAPER002_ETA_C).toEqual(ref.etaC));
  it('dijet/MET variables, scalar and columnar', () => {
    const evs = ref.events;
    const col = (j: number, c: number) => Float64Array.from(evs, (e) => e.jets[j]![c]!);
    const j = (k: number) => ({ px: col(k, 0), py: col(k, 1), pz: col(k, 2), E: col(k, 3) });
    const met = {
      px: Float64Array.from(evs, (e) => e.met[0]!),
      py: Float64Array.from(evs, (e) => e.met[1]!),
    };
    const cols = vbfVariables(j(0), j(1), met);
    evs.forEach((e, i) => {
      const s = vbfVariables(v4(e.jets[0]!), v4(e.jets[1]!), { px: e.met[0]!, py: e.met[1]! });
      for (const key of Object.keys(s) as (keyof typeof s & string)[]) {
        near(s[key], e[key] as number, 1e-12, 1e-12);
        expect(cols[key][i]).toBe(s[key]);
      }
    });
  });
  it('min Δφ(jet, MET) and HT_ηC on jagged collections', () => {
    const evs = ref.events;
    const offsets = [0];
    const px: number[] = [];
    const py: number[] = [];
    const etas: number[] = [];
    const tOff = [0];
    const et: number[] = [];
    const teta: number[] = [];
    for (const e of evs) {
      for (const jet of e.jets) {
        px.push(jet[0]!);
        py.push(jet[1]!);
        etas.push(eta(v4(jet)));
      }
      offsets.push(px.length);
      et.push(...e.towers_et);
      teta.push(...e.towers_eta);
      tOff.push(et.length);
    }
    const met = { px: evs.map((e) => e.met[0]!), py: evs.map((e) => e.met[1]!) };
    const md = minDeltaPhiJetMet({ offsets, content: { px, py, eta: etas } }, met);
    const ht = htEtaC({ offsets: tOff, content: { et, eta: teta } });
    evs.forEach((e, i) => {
      if (e.minDeltaPhiJetMet === null) expect(md[i]).toBeNaN();
      else near(md[i]!, e.minDeltaPhiJetMet, 1e-12, 1e-12);
      e.htEtaC.forEach((h, k) => {
        near(ht[k]![i]!, h, 1e-12, 1e-12);
      });
    });
  });
  it('separation ⟨S²⟩: numpy value and the closed-form limits', () => {
    near(separation(ref.separation.signal, ref.separation.background), ref.separation.value, 1e-12);
    expect(separation([1, 2, 3], [2, 4, 6])).toBe(0);
    expect(separation([1, 0], [0, 5])).toBe(1);
    near(separation([1, 1], [1, 0]), 1 / 3, 1e-15);
  });
});
