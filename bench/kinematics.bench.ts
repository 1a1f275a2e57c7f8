/**
 * `pnpm bench kinematics`:
 * 1. columnar collinear mass (CMS H→μτ_e definition) over 1e7 events, in ten chunks of 1e6
 *    (bounded memory: ~100 MB of columns), against a naive per-event-object JS implementation in
 *    the same process, with the numpy expression as anchors: the issue's 0.69 s, and the same
 *    expression timed by python3 just before our run (same machine load; skipped without numpy);
 *    and against its own JavaScript fallback loop (used where WebAssembly is unavailable), against
 *    its memory floor (copying the input columns once), and without options.out; and with the
 *    columns in the kernel's memory (createCollinearMassBuffers: read and written in place) against
 *    plain Float64Array columns, with the same numpy anchors;
 * 2. Higgsness and Topness minima (multi-start Newton, global minimum) over toy HH → bbWW* and
 *    tt̄ dilepton events, against a single-start Nelder–Mead per assignment (paper 003's "simplex"
 *    approach), whose rate of missed global minima is printed.
 */
import { execFileSync } from 'node:child_process';
import { Rng } from '@hep/core';
import { collinearMass, createCollinearMassBuffers, higgsness, topness } from '@hep/kinematics';
import {
  higgsnessConstants,
  setHiggsnessProblem,
  setTopnessProblem,
  topnessConstants,
} from '../packages/kinematics/src/higgsness/chi2.js';
import { NeutrinoProblem } from '../packages/kinematics/src/higgsness/neutrinoProblem.js';
import { useCollinearWasm } from '../packages/kinematics/src/masses/collinearKernel.js';
import { type BenchCase, defineSuite } from './harness.js';

const CHUNK = 1_000_000;
const CHUNKS = 10;

interface P4 {
  px: number;
  py: number;
  pz: number;
  E: number;
}

/** Naive baseline: objects per event, as a straightforward JS port would write it. */
function naiveCollinear(mu: P4, e: P4, met: { px: number; py: number }): { mass: number; x: number } {
  const sum = { px: mu.px + e.px, py: mu.py + e.py, pz: mu.pz + e.pz, E: mu.E + e.E };
  const mvis = Math.sqrt(sum.E * sum.E - sum.px * sum.px - sum.py * sum.py - sum.pz * sum.pz);
  const pte = Math.sqrt(e.px * e.px + e.py * e.py);
  const proj = Math.abs((met.px * e.px + met.py * e.py) / pte);
  const x = pte / (pte + proj);
  return { mass: mvis / Math.sqrt(x), x };
}

/**
 * The numpy expression of the issue (CMS projection definition), timed NOW on 10 × 1e6 events by
 * python3 (same machine, same load as our run). Returns null when python3/numpy is unavailable.
 */
function numpyNow(): number | null {
  const script = [
    'import numpy as np, time',
    'r = np.random.default_rng(1); n = 1_000_000',
    'a = [r.uniform(1, 50, n) for _ in range(10)]; a[3] += 200; a[7] += 200',
    'def f():',
    '    ptl = np.hypot(a[4], a[5]); x = ptl / (ptl + np.abs(a[8] * a[4] + a[9] * a[5]) / ptl)',
    '    m2 = (a[3] + a[7])**2 - (a[0] + a[4])**2 - (a[1] + a[5])**2 - (a[2] + a[6])**2',
    '    return np.sqrt(m2) / np.sqrt(x), x',
    'f(); ts = []',
    'for _ in range(3):',
    '    t = time.perf_counter()',
    '    for _ in range(10): f()',
    '    ts.append(time.perf_counter() - t)',
    'print(sorted(ts)[1])',
  ].join('\n');
  try {
    return Number(execFileSync('python3', ['-c', script], { encoding: 'utf8', timeout: 120_000 }).trim());
  } catch {
    return null;
  }
}

function makeColumns(rng: Rng) {
  const col = () => new Float64Array(CHUNK);
  const mu = { px: col(), py: col(), pz: col(), E: col() };
  const e = { px: col(), py: col(), pz: col(), E: col() };
  const met = { px: col(), py: col() };
  for (let i = 0; i < CHUNK; i++) {
    for (const l of [mu, e]) {
      const pt = rng.uniform(10, 100);
      const phi = rng.uniform(-Math.PI, Math.PI);
      const pz = pt * Math.sinh(rng.uniform(-2.4, 2.4));
      l.px[i] = pt * Math.cos(phi);
      l.py[i] = pt * Math.sin(phi);
      l.pz[i] = pz;
      l.E[i] = Math.hypot(pt, pz);
    }
    met.px[i] = rng.normal(0, 30);
    met.py[i] = rng.normal(0, 30);
  }
  return { mu, e, met };
}

// ---------------------------------------------------------------- Higgsness / Topness toy events
type V4 = [number, number, number, number];
const MH = 125.09;
const MW = 80.379;
const MT = 173.1;

/** Isotropic two-body decay of `p` (mass from its four-vector) into masses m1, m2, in the lab. */
function decay(p: V4, m1: number, m2: number, rng: Rng): [V4, V4] {
  const M = Math.sqrt(Math.max(p[3] ** 2 - p[0] ** 2 - p[1] ** 2 - p[2] ** 2, 0));
  const q = Math.sqrt(Math.max((M * M - (m1 + m2) ** 2) * (M * M - (m1 - m2) ** 2), 0)) / (2 * M);
  const c = rng.uniform(-1, 1);
  const s = Math.sqrt(1 - c * c);
  const ph = rng.uniform(-Math.PI, Math.PI);
  const d = [q * s * Math.cos(ph), q * s * Math.sin(ph), q * c] as const;
  const b = [p[0] / p[3], p[1] / p[3], p[2] / p[3]] as const;
  const b2 = b[0] ** 2 + b[1] ** 2 + b[2] ** 2;
  const g = 1 / Math.sqrt(1 - b2);
  const boost = (sign: number, m: number): V4 => {
    const v = [sign * d[0], sign * d[1], sign * d[2]] as const;
    const E = Math.sqrt(q * q + m * m);
    const bp = b[0] * v[0] + b[1] * v[1] + b[2] * v[2];
    const k = b2 > 0 ? ((g - 1) * bp) / b2 + g * E : 0;
    return [v[0] + k * b[0], v[1] + k * b[1], v[2] + k * b[2], g * (E + bp)];
  };
  return [boost(1, m1), boost(-1, m2)];
}

function parent(M: number, rng: Rng): V4 {
  const pt = rng.uniform(0, 150);
  const ph = rng.uniform(-Math.PI, Math.PI);
  const pz = rng.normal(0, 200);
  const px = pt * Math.cos(ph);
  const py = pt * Math.sin(ph);
  return [px, py, pz, Math.sqrt(M * M + px * px + py * py + pz * pz)];
}

const breitWigner = (m: number, w: number, rng: Rng) =>
  m + (w / 2) * Math.tan(Math.PI * rng.uniform(-0.45, 0.45));

/** Half HH → bb WW* → bbℓνℓν, half tt̄ → bℓν bℓν; MET = Σ ν_T + N(0, 10 GeV) per component. */
function makeDileptonEvents(n: number, rng: Rng) {
  const col = () => ({
    px: new Float64Array(n),
    py: new Float64Array(n),
    pz: new Float64Array(n),
    E: new Float64Array(n),
  });
  const l1 = col();
  const l2 = col();
  const b1 = col();
  const b2 = col();
  const met = { px: new Float64Array(n), py: new Float64Array(n) };
  const put = (c: ReturnType<typeof col>, i: number, v: V4) => {
    c.px[i] = v[0];
    c.py[i] = v[1];
    c.pz[i] = v[2];
    c.E[i] = v[3];
  };
  for (let i = 0; i < n; i++) {
    let objs: V4[];
    if (i % 2 === 0) {
      const mw = breitWigner(MW, 2.1, rng);
      const [w, ws] = decay(parent(MH, rng), mw, rng.uniform(15, Math.min(MH - mw - 1, 45)), rng);
      const [a, na] = decay(w, 0, 0, rng);
      const [b, nb] = decay(ws, 0, 0, rng);
      const [ba, bb] = decay(parent(MH, rng), 4.8, 4.8, rng);
      objs = [a, b, ba, bb, na, nb];
    } else {
      const top = () => {
        const [b, w] = decay(parent(breitWigner(MT, 1.4, rng), rng), 4.8, breitWigner(MW, 2.1, rng), rng);
        return [b, ...decay(w, 0, 0, rng)] as const;
      };
      const [ba, a, na] = top();
      const [bb, b, nb] = top();
      objs = [a, b, ba, bb, na, nb];
    }
    put(l1, i, objs[0] as V4);
    put(l2, i, objs[1] as V4);
    put(b1, i, objs[2] as V4);
    put(b2, i, objs[3] as V4);
    met.px[i] = (objs[4] as V4)[0] + (objs[5] as V4)[0] + rng.normal(0, 10);
    met.py[i] = (objs[4] as V4)[1] + (objs[5] as V4)[1] + rng.normal(0, 10);
  }
  return { l1, l2, b1, b2, met };
}

/** Nelder–Mead (standard coefficients) on a 4-parameter χ², from x0 with initial steps of 20 GeV. */
function nelderMead(f: (x: Float64Array) => number, x0: Float64Array, maxEval = 4000): number {
  const pts = Array.from({ length: 5 }, (_, k) => {
    const p = Float64Array.from(x0);
    if (k > 0) p[k - 1] = (p[k - 1] as number) + 20;
    return p;
  });
  const val = pts.map(f);
  let evals = 5;
  const c = new Float64Array(4);
  const trial = (t: number, w: Float64Array) => {
    const r = new Float64Array(4);
    for (let j = 0; j < 4; j++) r[j] = (c[j] as number) + t * ((w[j] as number) - (c[j] as number));
    return r;
  };
  while (evals < maxEval) {
    const order = [0, 1, 2, 3, 4].sort((a, b) => (val[a] as number) - (val[b] as number));
    const best = order[0] as number;
    const worst = order[4] as number;
    const second = order[3] as number;
    if ((val[worst] as number) - (val[best] as number) <= 1e-12 * Math.abs(val[best] as number) + 1e-300)
      break;
    c.fill(0);
    for (const k of order.slice(0, 4))
      for (let j = 0; j < 4; j++) c[j] = (c[j] as number) + (pts[k] as Float64Array)[j]! / 4;
    const xr = trial(-1, pts[worst] as Float64Array);
    const fr = f(xr);
    evals++;
    if (fr < (val[best] as number)) {
      const xe = trial(-2, pts[worst] as Float64Array);
      const fe = f(xe);
      evals++;
      pts[worst] = fe < fr ? xe : xr;
      val[worst] = Math.min(fe, fr);
    } else if (fr < (val[second] as number)) {
      pts[worst] = xr;
      val[worst] = fr;
    } else {
      const xc = trial(0.5, pts[worst] as Float64Array);
      const fc = f(xc);
      evals++;
      if (fc < (val[worst] as number)) {
        pts[worst] = xc;
        val[worst] = fc;
      } else {
        for (const k of order.slice(1)) {
          const p = pts[k] as Float64Array;
          for (let j = 0; j < 4; j++) p[j] = 0.5 * ((pts[best] as Float64Array)[j]! + (p[j] as number));
          val[k] = f(p);
          evals++;
        }
      }
    }
  }
  return Math.min(...val);
}

type Events = ReturnType<typeof makeDileptonEvents>;
type P4Cols = Events['l1'];
const at = (c: P4Cols, i: number) => ({ px: c.px[i]!, py: c.py[i]!, pz: c.pz[i]!, E: c.E[i]! });

/** Baseline: one Nelder–Mead per assignment from ν₁T = ν₂T = MET/2, ν_z = 0; returns the minima. */
function nelderMeadMinima(ev: Events, kind: 'higgsness' | 'topness'): Float64Array {
  const n = ev.met.px.length;
  const out = new Float64Array(n);
  const probs = [new NeutrinoProblem(), new NeutrinoProblem()];
  const hc = higgsnessConstants(undefined);
  const tc = topnessConstants(undefined);
  for (let i = 0; i < n; i++) {
    const [a, b, ba, bb] = [at(ev.l1, i), at(ev.l2, i), at(ev.b1, i), at(ev.b2, i)];
    const mx = ev.met.px[i]!;
    const my = ev.met.py[i]!;
    if (kind === 'higgsness') {
      setHiggsnessProblem(probs[0]!, hc, a.px, a.py, a.pz, a.E, b.px, b.py, b.pz, b.E, mx, my);
      setHiggsnessProblem(probs[1]!, hc, b.px, b.py, b.pz, b.E, a.px, a.py, a.pz, a.E, mx, my);
    } else {
      setTopnessProblem(probs[0]!, tc, a, ba, b, bb, mx, my);
      setTopnessProblem(probs[1]!, tc, b, ba, a, bb, mx, my);
    }
    let best = Number.POSITIVE_INFINITY;
    for (const p of probs) {
      const v = nelderMead((x) => p.chi2(x[0]!, x[1]!, x[2]!, x[3]!), Float64Array.of(mx / 2, my / 2, 0, 0));
      best = Math.min(best, v);
    }
    out[i] = Math.max(best, 1e-8);
  }
  return out;
}

const N_HIGGSNESS = 2000;

/**
 * Events per CPU-second (process.cpuUsage: user + system of this process, best of 5 runs of
 * ~0.1 s), the per-core rate; less sensitive than wall time to other load on a shared
 * machine, and best-of-5 damps the load spikes that still reach CPU time (caches, SMT siblings).
 */
function eventsPerCpuSecond(run: () => unknown, events: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < 5; r++) {
    const c0 = process.cpuUsage();
    run();
    const c = process.cpuUsage(c0);
    best = Math.min(best, (c.user + c.system) / 1e6);
  }
  return events / best;
}

function higgsnessCases(): BenchCase[] {
  const ev = makeDileptonEvents(N_HIGGSNESS, new Rng(3));
  const H = () => higgsness(ev.l1, ev.l2, ev.met).value;
  const T = () => topness(ev.l1, ev.b1, ev.l2, ev.b2, ev.met).value;
  for (const [name, run] of [
    ['Higgsness', H],
    ['Topness', T],
  ] as const)
    console.log(
      `  ${name}: ${eventsPerCpuSecond(run, N_HIGGSNESS).toFixed(0)} events per CPU-second (issue #3 goal: 20 000 per core).`,
    );
  // Quality of the baseline: how often its minimum is above ours (a local minimum) by > 1e-6 relative.
  for (const [name, ours, kind] of [
    ['Higgsness', H(), 'higgsness'],
    ['Topness', T(), 'topness'],
  ] as const) {
    const nm = nelderMeadMinima(ev, kind);
    let worse = 0;
    let better = 0;
    for (let i = 0; i < nm.length; i++) {
      if (nm[i]! > ours[i]! * (1 + 1e-6) + 1e-9) worse++;
      if (nm[i]! < ours[i]! * (1 - 1e-6) - 1e-9) better++;
    }
    console.log(
      `  ${name}: single-start Nelder–Mead misses the global minimum in ${worse}/${nm.length} events; below ours in ${better}/${nm.length}.`,
    );
  }
  return [
    {
      name: `Higgsness minimum, ${N_HIGGSNESS} toy events (½ HH, ½ tt̄)`,
      items: N_HIGGSNESS,
      minSeconds: 2,
      maxRepeats: 5,
      ours: {
        name: '@hep/kinematics higgsness (columns, 8 starts + cone tips, Newton with tip snapping, basin de-duplication)',
        run: H,
      },
      baseline: {
        name: 'single-start Nelder–Mead per assignment',
        run: () => nelderMeadMinima(ev, 'higgsness'),
      },
    },
    {
      name: `Topness minimum, ${N_HIGGSNESS} toy events (½ HH, ½ tt̄)`,
      items: N_HIGGSNESS,
      minSeconds: 2,
      maxRepeats: 5,
      ours: {
        name: '@hep/kinematics topness (columns, 8 starts + cone tips, Newton with tip snapping, basin de-duplication)',
        run: T,
      },
      baseline: { name: 'single-start Nelder–Mead per pairing', run: () => nelderMeadMinima(ev, 'topness') },
    },
  ];
}

export default defineSuite({
  name: 'kinematics',
  description:
    'Columnar collinear mass over 1e7 events (10 × 1e6 chunks, validation included) vs naive per-event objects (numpy anchors: issue #3 and timed now); Higgsness/Topness minima vs single-start Nelder–Mead.',
  cases: () => {
    const only = process.env.KIN_BENCH_ONLY;
    const cases: BenchCase[] = only === 'collinear' ? [] : higgsnessCases();
    if (only === 'higgsness') return cases;
    const { mu, e, met } = makeColumns(new Rng(1));
    // Chunked processing as the package README shows it: the first chunk's result (which lives in
    // the kernel's memory) is passed as options.out of every later chunk.
    const out = collinearMass(mu, e, met);
    const plainOut = { mass: new Float64Array(CHUNK), x: new Float64Array(CHUNK) };
    let sink = 0;
    const ours = {
      name: '@hep/kinematics collinearMass (columns, the first result reused as options.out)',
      run: () => {
        for (let c = 0; c < CHUNKS; c++) sink += collinearMass(mu, e, met, { out }).mass[c] ?? 0;
        return sink;
      },
    };
    const anchors = [{ name: 'numpy expression, 1e7 events (issue #3, this machine)', seconds: 0.69 }];
    const now = numpyNow();
    if (now !== null) anchors.push({ name: 'the same numpy expression timed now (same load)', seconds: now });
    cases.push({
      name: 'collinearMass columnar, 1e7 events',
      items: CHUNK * CHUNKS,
      minSeconds: 2,
      maxRepeats: 5,
      ours,
      baseline: {
        name: 'naive JS, object per event',
        run: () => {
          for (let c = 0; c < CHUNKS; c++) {
            for (let i = 0; i < CHUNK; i++) {
              const r = naiveCollinear(
                { px: mu.px[i]!, py: mu.py[i]!, pz: mu.pz[i]!, E: mu.E[i]! },
                { px: e.px[i]!, py: e.py[i]!, pz: e.pz[i]!, E: e.E[i]! },
                { px: met.px[i]!, py: met.py[i]! },
              );
              sink += r.mass * 1e-300;
            }
          }
          return sink;
        },
      },
      anchors,
    });
    // The same events in columns that live in the kernel's memory: read and written in place.
    const buffers = createCollinearMassBuffers(CHUNK);
    for (const [to, from] of [
      [buffers.lepPrompt, mu],
      [buffers.lepFromTau, e],
      [buffers.met, met],
    ] as const) {
      for (const [k, column] of Object.entries(from)) (to as Record<string, Float64Array>)[k]!.set(column);
    }
    cases.push({
      name: 'collinearMass columnar, 1e7 events, columns in the kernel memory (createCollinearMassBuffers)',
      items: CHUNK * CHUNKS,
      minSeconds: 2,
      maxRepeats: 5,
      ours: {
        name: `@hep/kinematics collinearMass on createCollinearMassBuffers columns (in place: ${buffers.inKernelMemory})`,
        run: () => {
          for (let c = 0; c < CHUNKS; c++) {
            sink +=
              collinearMass(buffers.lepPrompt, buffers.lepFromTau, buffers.met, { out: buffers.out }).mass[
                c
              ] ?? 0;
          }
          return sink;
        },
      },
      baseline: {
        name: 'the same call on plain Float64Array columns (copied into the kernel)',
        run: ours.run,
      },
      anchors,
    });
    cases.push({
      name: 'collinearMass columnar (WebAssembly SIMD kernel) vs its JavaScript fallback loop, 1e7 events',
      items: CHUNK * CHUNKS,
      minSeconds: 2,
      maxRepeats: 5,
      ours,
      baseline: {
        name: 'the same call with WebAssembly switched off (bit-identical results)',
        run: () => {
          useCollinearWasm(false);
          try {
            for (let c = 0; c < CHUNKS; c++) sink += collinearMass(mu, e, met, { out }).mass[c] ?? 0;
          } finally {
            useCollinearWasm(true);
          }
          return sink;
        },
      },
    });
    // The floor of any kernel that cannot read JavaScript arrays in place: copying the ten input
    // columns once (the memory traffic of the copies in, no arithmetic). ratio < 1; 1/ratio − 1 is
    // the share of the arithmetic and the writes on top of it.
    const staging = new Float64Array(10 * 4096);
    const inputs = [mu.px, mu.py, mu.pz, mu.E, e.px, e.py, e.pz, e.E, met.px, met.py];
    cases.push({
      name: 'collinearMass columnar vs its memory floor (the 10 input columns copied once), 1e7 events',
      items: CHUNK * CHUNKS,
      minSeconds: 2,
      maxRepeats: 5,
      ours,
      baseline: {
        name: 'TypedArray.set of the 10 input columns in blocks of 4096 (what the kernel reads)',
        run: () => {
          for (let c = 0; c < CHUNKS; c++) {
            for (let s = 0; s < CHUNK; s += 4096) {
              for (let k = 0; k < inputs.length; k++) staging.set(inputs[k]!.subarray(s, s + 4096), 4096 * k);
            }
            sink += staging[c] ?? 0;
          }
          return sink;
        },
      },
    });
    cases.push({
      name: 'collinearMass columnar: new results per chunk vs plain Float64Array outputs, 1e7 events',
      items: CHUNK * CHUNKS,
      minSeconds: 2,
      maxRepeats: 5,
      ours: {
        name: 'no options.out (each chunk gets new result columns, in kernel memory)',
        run: () => {
          for (let c = 0; c < CHUNKS; c++) sink += collinearMass(mu, e, met).mass[c] ?? 0;
          return sink;
        },
      },
      baseline: {
        name: 'options.out = plain Float64Arrays reused per chunk (results copied back per block)',
        run: () => {
          for (let c = 0; c < CHUNKS; c++) sink += collinearMass(mu, e, met, { out: plainOut }).mass[c] ?? 0;
          return sink;
        },
      },
    });
    return cases;
  },
});
