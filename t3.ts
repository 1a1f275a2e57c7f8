import { Rng } from '@hep/core';
import { evaluateObjective, ObjectiveWorkspace, nplmPointwiseLoss, glorotInit, sampleBackground } from './packages/nplm/src/index.js';
import { compressSorted } from './packages/nplm/src/nplm.js';
const ref = sampleBackground(200_000, Rng.stream(1, 0));
let t0 = (process.cpuUsage().user/1000);
const c = compressSorted(ref, 1e-3);
console.log('groups', c.points.length, ((process.cpuUsage().user/1000) - t0).toFixed(1), 'ms');
const n = c.points.length + 2000;
const x = new Float64Array(n); x.set(c.points); for (let i = c.points.length; i < n; i++) x[i] = Rng.stream(2, 0).exponential(1);
const a = new Float64Array(n); a.set(c.counts.map((k) => k * 0.01));
const b = new Float64Array(n); b.fill(1, c.points.length);
const shape = { inputs: 1, hidden: 4 };
const theta = glorotInit(shape, new Rng(1));
const ws = new ObjectiveWorkspace(n, 4);
const loss = nplmPointwiseLoss(a, b);
for (let r = 0; r < 3; r++) {
  t0 = (process.cpuUsage().user/1000);
  for (let k = 0; k < 50; k++) evaluateObjective(theta, shape, x, loss, ws, true);
  console.log('hess eval', (((process.cpuUsage().user/1000) - t0) / 50).toFixed(2), 'ms');
  t0 = (process.cpuUsage().user/1000);
  for (let k = 0; k < 50; k++) evaluateObjective(theta, shape, x, loss, ws, false);
  console.log('grad eval', (((process.cpuUsage().user/1000) - t0) / 50).toFixed(2), 'ms');
}
