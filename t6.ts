import { Rng } from '@hep/core';
import { sampleBenchmarkData, symmetrizedTest } from './packages/nplm/src/index.js';
const rng = Rng.stream(6, 0);
const a = sampleBenchmarkData(rng, 2000), b = sampleBenchmarkData(rng, 2000);
const s = symmetrizedTest(a, b, { seed: 0, starts: 1, penalty: 0.003 });
console.log('RESULT', s.t, s.fitA.iterations, s.fitB.iterations);
