import { collinearMass } from '@hep/kinematics';
const N = 1_000_000;
const c = () => { const a = new Float64Array(N); for (let i = 0; i < N; i++) a[i] = 1 + Math.random() * 50; return a; };
const mu = { px: c(), py: c(), pz: c(), E: c() }, e = { px: c(), py: c(), pz: c(), E: c() }, met = { px: c(), py: c() };
for (let i = 0; i < N; i++) { mu.E[i] += 200; e.E[i] += 200; }
const out = { mass: new Float64Array(N), x: new Float64Array(N) };
for (const threads of [1, 2, 1, 2] as const) {
  const ts: number[] = [];
  for (let r = 0; r < 9; r++) { const t = performance.now(); for (let k = 0; k < 10; k++) collinearMass(mu, e, met, { out, threads }); ts.push(performance.now() - t); }
  ts.sort((a, b) => a - b); console.log('threads', threads, ts[4]!.toFixed(1), 'ms per 1e7');
}
