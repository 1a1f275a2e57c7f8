import { Rng } from '@hep/core';
import { nplmTest, sampleBackground, sampleBenchmarkData, symmetrizedTest } from './packages/nplm/src/index.js';
const starts = Number(process.argv[2] ?? 2);
for (let i = 0; i < 4; i++) {
  const rng = Rng.stream(6, i);
  const reference = sampleBackground(200_000, rng);
  const data = sampleBenchmarkData(rng, 2000);
  let t0 = performance.now();
  const r = nplmTest(data, reference, { expectedReference: 2000, weightBound: 9, seed: i, starts });
  console.log('nplm', r.t.toFixed(4), r.status, r.iterations, (performance.now() - t0).toFixed(0), 'ms');
  const a = sampleBenchmarkData(rng, 2000), b = sampleBenchmarkData(rng, 2000);
  t0 = performance.now();
  const s = symmetrizedTest(a, b, { seed: i, starts });
  console.log('sym', s.t.toFixed(4), s.fitA.status, s.fitA.iterations, s.fitB.status, s.fitB.iterations, (performance.now() - t0).toFixed(0), 'ms');
}
