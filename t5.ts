import { Rng } from '@hep/core';
import { sampleBenchmarkData, symmetrizedTest } from './packages/nplm/src/index.js';
const penalty = Number(process.argv[2]); const starts = Number(process.argv[3] ?? 1);
let tot = 0;
for (let i = 0; i < Number(process.env.NT ?? 6); i++) {
const rng = Rng.stream(7, i);
const a = sampleBenchmarkData(rng, 2000), b = sampleBenchmarkData(rng, 2000);
const t0 = process.cpuUsage().user;
const s = symmetrizedTest(a, b, { seed: i, starts, penalty });
const ms = (process.cpuUsage().user - t0)/1000; tot += s.t;
console.log(penalty, s.t.toFixed(3), s.fitA.status, s.fitA.iterations, s.fitB.status, s.fitB.iterations, ms.toFixed(0), 'ms cpu');
}
console.log('mean', tot / Number(process.env.NT ?? 6));
