import { Rng } from '@hep/core';
import { Network } from '../../src/nn/network.js';

/** Test helpers: area under the ROC curve by the Mann–Whitney U statistic (ties count ½). */
export function aucMannWhitney(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const pos: number[] = [];
  const neg: number[] = [];
  for (let i = 0; i < scores.length; i++) ((labels[i] as number) > 0.5 ? pos : neg).push(scores[i] as number);
  let u = 0;
  for (const p of pos) for (const q of neg) u += p > q ? 1 : p === q ? 0.5 : 0;
  return u / (pos.length * neg.length);
}

/** A small untrained classifier d → 8 tanh → sigmoid (a smooth model with interactions). */
export function tanhClassifier(inputs: number, seed: number): Network {
  return new Network(
    {
      inputs,
      blocks: [{ type: 'dense', units: 8, activation: 'tanh' }],
      outputs: 1,
      outputActivation: 'sigmoid',
      loss: { kind: 'binaryCrossEntropy' },
    },
    new Rng(seed),
  );
}
