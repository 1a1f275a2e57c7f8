import { Rng } from '@hep/core';
import { fitChi2Dof, ksTestChi2 } from '@hep/stats';
import { nplmTest, sampleBackground, sampleBenchmarkData, symmetrizedTest } from './packages/nplm/src/index.js';
const [kind, lam, n0, n1] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4]), Number(process.argv[5])];
const ts: number[] = []; let its = 0; let bad = 0; const t0 = process.cpuUsage().user;
for (let i = n0; i < n1; i++) {
  const rng = Rng.stream(6, i);
  if (kind === 'nplm') {
    const reference = sampleBackground(200_000, rng);
    const data = sampleBenchmarkData(rng, 2000);
    const r = nplmTest(data, reference, { expectedReference: 2000, weightBound: 9, seed: i, starts: 1, penalty: lam });
    ts.push(r.t); its += r.iterations; if (r.status !== 'converged') bad++;
  } else {
    const a = sampleBenchmarkData(rng, 2000), b = sampleBenchmarkData(rng, 2000);
    const s = symmetrizedTest(a, b, { seed: i, starts: 1, penalty: lam });
    ts.push(s.t); its += s.fitA.iterations + s.fitB.iterations; if (s.fitA.status !== 'converged' || s.fitB.status !== 'converged') bad++;
  }
}
const n = ts.length; const mean = ts.reduce((a, b) => a + b, 0) / n;
const k = kind === 'nplm' ? 13 : 12;
console.log(JSON.stringify({ kind, lam, n, mean: +mean.toFixed(3), dof: +fitChi2Dof(ts.filter((t) => t > 0)).dof.toFixed(2), ks: ksTestChi2(ts, k).pValue, meanIts: its / n, notConverged: bad, cpuPerToyMs: (process.cpuUsage().user - t0) / 1000 / n, ts: ts.map((t) => +t.toFixed(4)) }));
