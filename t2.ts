import { Rng } from '@hep/core';
import { nplmTest, sampleBackground, sampleBenchmarkData } from './packages/nplm/src/index.js';
const W = Number(process.argv[2]); const penalty = Number(process.argv[3]); const starts = Number(process.argv[4] ?? 1);
for (let i = 0; i < Number(process.env.NT ?? 4); i++) {
const rng = Rng.stream(6, i);
const reference = sampleBackground(200_000, rng);
const data = sampleBenchmarkData(rng, 2000);
const t0 = process.cpuUsage().user;
const r = nplmTest(data, reference, { expectedReference: 2000, weightBound: W, seed: i, starts, penalty });
console.log(W, penalty, r.t.toFixed(4), r.status, r.iterations, ((process.cpuUsage().user - t0)/1000).toFixed(0), 'ms cpu');
}
