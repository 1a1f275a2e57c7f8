import { readFileSync } from 'node:fs';
import { HepInputError } from '@hep/core';
import {
  collinearMass,
  createCollinearMassBuffers,
  type FourVectorColumns,
  type MissingPtColumns,
} from '@hep/kinematics';
import { afterEach, describe, expect, it } from 'vitest';
import { OWNED_MIN, useCollinearWasm } from '../src/masses/collinearKernel.js';

/** numpy reference (fixtures/gen_collinear_blocks.py): 9001 events = 2 kernel blocks + odd tail. */
const ref = JSON.parse(
  readFileSync(new URL('./fixtures/collinear_blocks.json', import.meta.url), 'utf8'),
) as {
  n: number;
  stride: number;
  projection: { mass: (number | null)[]; x: (number | null)[] };
  met: { mass: (number | null)[]; x: (number | null)[] };
};

/** The generator's inputs, bit for bit (every operation exact or correctly rounded). */
function inputs(n: number) {
  const u = (i: number, k: number) =>
    ((i * 2654435761 + k * 2246822519 + i * k * 3266489917) % 2 ** 32) / 2 ** 32;
  const lepton = (k: number, m: number, isE: boolean) => {
    const px = new Float64Array(n);
    const py = new Float64Array(n);
    const pz = new Float64Array(n);
    const E = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      px[i] = 200 * u(i, k) - 100;
      py[i] = 200 * u(i, k + 1) - 100;
      pz[i] = 400 * u(i, k + 2) - 200;
      if (isE && i % 97 === 5) px[i] = py[i] = 0;
      const e = Math.sqrt(px[i]! * px[i]! + py[i]! * py[i]! + pz[i]! * pz[i]! + m * m);
      E[i] = !isE && i % 13 === 3 ? 0.5 * e : e;
    }
    return { px, py, pz, E };
  };
  const met = { px: new Float64Array(n), py: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    met.px[i] = 120 * u(i, 8) - 60;
    met.py[i] = 120 * u(i, 9) - 60;
  }
  return { mu: lepton(0, 0.105, false), e: lepton(4, 0.000511, true), met };
}

const modes = ['projection', 'met'] as const;
const bits = (a: Float64Array) => Array.from(new Uint32Array(a.buffer, a.byteOffset, a.length * 2));
/** Index of the first event whose value differs bit for bit (NaN = NaN), or −1. */
function firstDifference(a: Float64Array, b: Float64Array): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  const u = new BigUint64Array(a.buffer, a.byteOffset, a.length);
  const v = new BigUint64Array(b.buffer, b.byteOffset, b.length);
  for (let i = 0; i < u.length; i++) if (u[i] !== v[i]) return i;
  return -1;
}

afterEach(() => useCollinearWasm(true));

describe('columnar collinear mass through the WebAssembly kernel', () => {
  const { mu, e, met } = inputs(ref.n);
  // Tolerance: 1e-12 relative, plus the rounding of m_vis² = E² − p² (a few 1e-16·E², seen in M as
  // 1e-15·E²/(x·|M|)) where a near-collinear pair has m_vis ≪ E (cancellation, in numpy too).
  it('matches numpy over several blocks and an odd tail (1e-12 relative; NaN where pT(e) = 0)', () => {
    for (const mode of modes) {
      const r = collinearMass(mu, e, met, { neutrinoPt: mode });
      for (let j = 0; j * ref.stride < ref.n; j++) {
        const i = j * ref.stride;
        const E = mu.E[i]! + e.E[i]!;
        const x = r.x[i]!;
        for (const [got, want, cancellation] of [
          [r.mass[i]!, ref[mode].mass[j], (1e-15 * E * E) / (x * Math.abs(r.mass[i]!))],
          [x, ref[mode].x[j], 0],
        ] as const) {
          const tolerance = 1e-12 * Math.abs(want ?? 0) + cancellation;
          if (want === null || want === undefined) expect(got, `${mode} event ${i}`).toBeNaN();
          else expect(Math.abs(got - want), `${mode} event ${i}`).toBeLessThanOrEqual(tolerance);
        }
      }
      expect(r.mass.some((m) => m < 0)).toBe(true); // space-like events keep the sign
    }
  });
  it('is bit-identical to the JavaScript loop, for every length around the block size', () => {
    for (const n of [0, 1, 2, 3, 4095, 4096, 4097, 8193, ref.n]) {
      const c = inputs(n);
      for (const mode of modes) {
        useCollinearWasm(true);
        const w = collinearMass(c.mu, c.e, c.met, { neutrinoPt: mode });
        useCollinearWasm(false);
        const j = collinearMass(c.mu, c.e, c.met, { neutrinoPt: mode });
        expect(bits(w.mass), `${mode} n=${n}`).toEqual(bits(j.mass));
        expect(bits(w.x), `${mode} n=${n}`).toEqual(bits(j.x));
      }
    }
  });
  it('accepts Float32Array and plain-array columns and writes into options.out', () => {
    const n = 5000;
    const c = inputs(n);
    const f32 = (v: FourVectorColumns) => ({
      px: Float32Array.from(v.px),
      py: Float32Array.from(v.py),
      pz: Float32Array.from(v.pz),
      E: Array.from(v.E),
    });
    const met32: MissingPtColumns = { px: Float32Array.from(c.met.px), py: Array.from(c.met.py) };
    const out = { mass: new Float64Array(n), x: new Float64Array(n) };
    const w = collinearMass(f32(c.mu), f32(c.e), met32, { out });
    expect(w.mass).toBe(out.mass);
    useCollinearWasm(false);
    const j = collinearMass(f32(c.mu), f32(c.e), met32);
    expect(bits(w.mass)).toEqual(bits(j.mass));
    expect(bits(w.x)).toEqual(bits(j.x));
  });
  it('computes straight into results that hold their own memory, and into them again as options.out', () => {
    const jsLoop = (c: ReturnType<typeof inputs>) => {
      useCollinearWasm(false);
      const r = collinearMass(c.mu, c.e, c.met);
      useCollinearWasm(true);
      return r;
    };
    for (const n of [OWNED_MIN + 2, OWNED_MIN + 809]) {
      const first = inputs(n);
      const w = collinearMass(first.mu, first.e, first.met);
      expect(w.x.buffer).toBe(w.mass.buffer); // both live in the kernel's memory
      const firstJs = jsLoop(first);
      expect(firstDifference(w.mass, firstJs.mass)).toBe(-1);
      expect(firstDifference(w.x, firstJs.x)).toBe(-1);
      // The next chunk (other events) into the same arrays, then into odd-length subarrays at
      // different offsets: nothing outside them may change (the kernel pads odd blocks).
      const next = inputs(n + 7);
      const cut = (v: Float64Array) => v.subarray(7, n + 7);
      const second = { mu: { ...next.mu }, e: { ...next.e }, met: { ...next.met } };
      for (const group of [second.mu, second.e, second.met] as Record<string, Float64Array>[]) {
        for (const k of Object.keys(group)) group[k] = cut(group[k]!);
      }
      const again = collinearMass(second.mu, second.e, second.met, { out: w });
      expect(again.mass).toBe(w.mass);
      const want = jsLoop(second);
      expect(firstDifference(w.mass, want.mass)).toBe(-1);
      expect(firstDifference(w.x, want.x)).toBe(-1);
      const k = 4097;
      const out = { mass: w.mass.subarray(1, 1 + k), x: w.x.subarray(3, 3 + k) };
      const before = { mass: Float64Array.from(w.mass), x: Float64Array.from(w.x) };
      const part = { mu: first.mu, e: first.e, met: first.met };
      const sub = collinearMass(
        {
          px: part.mu.px.subarray(0, k),
          py: part.mu.py.subarray(0, k),
          pz: part.mu.pz.subarray(0, k),
          E: part.mu.E.subarray(0, k),
        },
        {
          px: part.e.px.subarray(0, k),
          py: part.e.py.subarray(0, k),
          pz: part.e.pz.subarray(0, k),
          E: part.e.E.subarray(0, k),
        },
        { px: part.met.px.subarray(0, k), py: part.met.py.subarray(0, k) },
        { out },
      );
      expect(sub.mass).toBe(out.mass);
      expect(firstDifference(out.mass, firstJs.mass.subarray(0, k))).toBe(-1);
      expect(firstDifference(out.x, firstJs.x.subarray(0, k))).toBe(-1);
      for (const [all, from] of [
        [w.mass, 1],
        [w.x, 3],
      ] as const) {
        const was = all === w.mass ? before.mass : before.x;
        expect(firstDifference(all.subarray(0, from), was.subarray(0, from))).toBe(-1);
        expect(firstDifference(all.subarray(from + k), was.subarray(from + k))).toBe(-1);
      }
      // bad input is still named when the kernel writes straight into the result
      first.met.px[n - 3] = Number.NaN;
      expect(() => collinearMass(first.mu, first.e, first.met)).toThrow(`met.px[${n - 3}]`);
    }
  });
  it('names the column and index of bad input anywhere in a block, and leaves the inputs alone', () => {
    const n = 8193;
    for (const [where, index, value] of [
      ['e.pz', 0, Number.NaN],
      ['mu.px', 4095, Infinity],
      ['met.py', 4096, -Infinity],
      ['e.px', 8192, Infinity], // last event, next to the kernel's padding lane
      ['mu.E', 6000, -1],
      ['e.E', 3, -1e-9],
    ] as const) {
      const c = inputs(n);
      const [obj, key] = where.split('.') as ['mu' | 'e' | 'met', string];
      const column = (c[obj] as unknown as Record<string, Float64Array>)[key]!;
      column[index] = value;
      const before = Float64Array.from(column);
      let error: unknown;
      try {
        collinearMass(c.mu, c.e, c.met);
      } catch (err) {
        error = err;
      }
      expect(error, where).toBeInstanceOf(HepInputError);
      const name = { mu: 'lepPrompt', e: 'lepFromTau', met: 'met' }[obj];
      expect([(error as HepInputError).argument, (error as HepInputError).index]).toEqual([
        `${name}.${key}`,
        index,
      ]);
      expect(bits(column)).toEqual(bits(before));
    }
  });
  it('does not flag finite inputs whose intermediate sums overflow', () => {
    const c = inputs(10);
    c.mu.E[4] = 1.5e308;
    c.e.E[4] = 1.5e308;
    const r = collinearMass(c.mu, c.e, c.met);
    expect(r.mass[4]).toBe(Infinity);
    useCollinearWasm(false);
    expect(collinearMass(c.mu, c.e, c.met).mass[4]).toBe(Infinity);
  });
});

/** Buffers in kernel memory holding a copy of `c` (the inputs of the generator above). */
function buffersWith(c: ReturnType<typeof inputs>) {
  const b = createCollinearMassBuffers(c.mu.px.length);
  for (const k of ['px', 'py', 'pz', 'E'] as const) {
    b.lepPrompt[k].set(c.mu[k]);
    b.lepFromTau[k].set(c.e[k]);
  }
  b.met.px.set(c.met.px);
  b.met.py.set(c.met.py);
  return b;
}

describe('createCollinearMassBuffers: inputs and results in the kernel memory, read and written in place', () => {
  it('matches numpy over several blocks and an odd tail, bit-identical to plain columns', () => {
    const c = inputs(ref.n);
    const b = buffersWith(c);
    expect(b.inKernelMemory).toBe(true);
    expect(b.size).toBe(ref.n);
    for (const mode of modes) {
      const r = collinearMass(b.lepPrompt, b.lepFromTau, b.met, { out: b.out, neutrinoPt: mode });
      expect(r.mass).toBe(b.out.mass);
      for (let j = 0; j * ref.stride < ref.n; j++) {
        const i = j * ref.stride;
        const want = ref[mode].x[j];
        if (want === null || want === undefined) expect(r.x[i], `${mode} event ${i}`).toBeNaN();
        else expect(Math.abs(r.x[i]! - want), `${mode} event ${i}`).toBeLessThanOrEqual(1e-12 * want);
      }
      useCollinearWasm(false);
      const js = collinearMass(c.mu, c.e, c.met, { neutrinoPt: mode });
      useCollinearWasm(true);
      expect(firstDifference(r.mass, js.mass)).toBe(-1);
      expect(firstDifference(r.x, js.x)).toBe(-1);
    }
  });
  it('reads chunks (subarray, odd lengths included) in place and changes nothing else', () => {
    const n = 3 * 4096 + 5;
    const c = inputs(n);
    const b = buffersWith(c);
    const inputsBefore = [b.lepPrompt, b.lepFromTau, b.met].flatMap((v) =>
      Object.values(v).map((a) => bits(a)),
    );
    useCollinearWasm(false);
    const js = collinearMass(c.mu, c.e, c.met);
    useCollinearWasm(true);
    for (const [from, to] of [
      [0, 4096],
      [4096, 8193],
      [8193, n],
    ] as const) {
      const chunk = b.subarray(from, to);
      expect(chunk.size).toBe(to - from);
      const outsideBefore = [bits(b.out.mass.subarray(to)), bits(b.out.x.subarray(to))];
      collinearMass(chunk.lepPrompt, chunk.lepFromTau, chunk.met, { out: chunk.out });
      expect([bits(b.out.mass.subarray(to)), bits(b.out.x.subarray(to))]).toEqual(outsideBefore);
    }
    expect(firstDifference(b.out.mass, js.mass)).toBe(-1);
    expect(firstDifference(b.out.x, js.x)).toBe(-1);
    const inputsAfter = [b.lepPrompt, b.lepFromTau, b.met].flatMap((v) =>
      Object.values(v).map((a) => bits(a)),
    );
    expect(inputsAfter).toEqual(inputsBefore);
  });
  it('names bad input read in place, and refuses outputs that overlap an input or each other', () => {
    const b = buffersWith(inputs(8192));
    b.lepFromTau.px[4097] = Number.NaN;
    expect(() => collinearMass(b.lepPrompt, b.lepFromTau, b.met, { out: b.out })).toThrow(
      'lepFromTau.px[4097]',
    );
    b.lepFromTau.px[4097] = 1;
    b.met.py[6] = -Infinity;
    expect(() => collinearMass(b.lepPrompt, b.lepFromTau, b.met, { out: b.out })).toThrow('met.py[6]');
    b.met.py[6] = 1;
    const overlapping = [
      [{ mass: b.lepPrompt.px, x: b.out.x }, 'options.out.mass', 'lepPrompt.px'],
      [{ mass: b.out.mass, x: b.met.py.subarray(1) }, 'options.out.x', 'met.py'],
      [{ mass: b.out.mass, x: b.out.mass }, 'options.out.mass', 'options.out.x'],
    ] as const;
    for (const [out, argument, other] of overlapping) {
      const n = out.x.length;
      const c = b.subarray(0, n);
      let error: unknown;
      try {
        collinearMass(c.lepPrompt, c.lepFromTau, c.met, {
          out: { mass: out.mass.subarray(0, n), x: out.x },
        });
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(HepInputError);
      expect((error as HepInputError).argument).toBe(argument);
      expect((error as HepInputError).message).toContain(other);
    }
  });
  it('falls back to ordinary arrays without WebAssembly, and rejects a bad size', () => {
    useCollinearWasm(false);
    const b = buffersWith(inputs(101));
    expect(b.inKernelMemory).toBe(false);
    expect(b.lepPrompt.px.buffer).not.toBe(b.out.mass.buffer);
    const r = collinearMass(b.lepPrompt, b.lepFromTau, b.met, { out: b.out });
    expect(r.mass).toBe(b.out.mass);
    useCollinearWasm(true);
    for (const n of [-1, 1.5, Number.NaN]) {
      expect(() => createCollinearMassBuffers(n)).toThrow(HepInputError);
    }
    expect(createCollinearMassBuffers(0).out.mass.length).toBe(0);
  });
});
