/**
 * `pnpm bench rng`: the seeded generator of @hep/core against JavaScript's built-in (unseeded)
 * Math.random and against textbook samplers, in the same process. Each run returns its sum so the
 * JIT cannot drop the loop.
 */
import { Rng } from '@hep/core';
import { defineSuite } from './harness.js';

const N = 1_000_000;

function repeat(n: number, draw: () => number): () => number {
  return () => {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += draw();
    return sum;
  };
}

export default defineSuite({
  name: 'rng',
  description: `Seeded xoshiro256** samplers; ratio = baseline / ours (> 1: ours faster).`,
  cases: () => {
    const rng = new Rng(1);
    const poissonLimit = Math.exp(-30);
    return [
      {
        name: `${N} uniform doubles`,
        items: N,
        ours: { name: 'Rng.uniform', run: repeat(N, () => rng.uniform()) },
        baseline: { name: 'Math.random (unseeded)', run: repeat(N, Math.random) },
      },
      {
        name: `${N / 10} Poisson(30) draws`,
        items: N / 10,
        ours: { name: 'Rng.poisson (PTRS)', run: repeat(N / 10, () => rng.poisson(30)) },
        baseline: {
          name: "Knuth's multiplication method",
          run: repeat(N / 10, () => {
            let k = 0;
            let prod = rng.uniform();
            while (prod > poissonLimit) {
              k++;
              prod *= rng.uniform();
            }
            return k;
          }),
        },
      },
      {
        name: `${N} normal draws`,
        items: N,
        ours: { name: 'Rng.normal (Box–Muller, cached pair)', run: repeat(N, () => rng.normal()) },
        baseline: {
          name: 'Box–Muller on Math.random, one value per pair',
          run: repeat(
            N,
            () => Math.sqrt(-2 * Math.log(1 - Math.random())) * Math.cos(2 * Math.PI * Math.random()),
          ),
        },
      },
    ];
  },
});
