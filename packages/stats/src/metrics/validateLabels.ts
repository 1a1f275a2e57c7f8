import { assertFiniteArray, assertSameLength, HepInputError } from '@hep/core';

/** Checks scores/labels/weights of a binary problem: labels 0 (background) or 1 (signal). */
export function checkBinary(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  weights?: ArrayLike<number>,
): { nSignal: number; nBackground: number } {
  assertFiniteArray('scores', scores);
  assertSameLength('scores', scores.length, 'labels', labels.length);
  if (weights !== undefined) {
    assertSameLength('scores', scores.length, 'weights', weights.length);
    assertFiniteArray('weights', weights);
  }
  let nSignal = 0;
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i];
    if (l !== 0 && l !== 1) throw new HepInputError('labels', `must be 0 or 1, got ${l}`, i);
    nSignal += l;
  }
  const nBackground = labels.length - nSignal;
  if (nSignal === 0 || nBackground === 0) {
    throw new HepInputError('labels', 'need at least one signal (1) and one background (0) entry');
  }
  return { nSignal, nBackground };
}
