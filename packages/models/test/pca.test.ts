import { readFileSync } from 'node:fs';
import { HepInputError } from '@hep/core';
import { describe, expect, it } from 'vitest';
import { Pca } from '../src/index.js';

const ref = JSON.parse(readFileSync(new URL('./fixtures/knn_reference.json', import.meta.url), 'utf8'));

function close(ours: ArrayLike<number>, theirs: number[], tol: number): void {
  expect(ours.length).toBe(theirs.length);
  const scale = Math.max(1, ...theirs.map(Math.abs));
  for (let i = 0; i < theirs.length; i++)
    expect(Math.abs(ours[i]! - theirs[i]!)).toBeLessThanOrEqual(tol * scale);
}

describe('Pca against numpy SVD (svd_flip signs)', () => {
  it('mean, components, explained variance and scores to 1e-12', () => {
    const pca = Pca.fit(ref.support);
    close(pca.mean, ref.pca.mean, 1e-12);
    close(pca.components, ref.pca.components, 1e-12);
    close(pca.explainedVariance, ref.pca.explained_variance, 1e-12);
    for (const [p, col] of pca.transform(ref.query).entries()) close(col, ref.pca.transformed[p], 1e-12);
    const ratio = pca.explainedVarianceRatio;
    const total = ref.pca.explained_variance.reduce((a: number, b: number) => a + b, 0);
    close(
      ratio,
      ref.pca.explained_variance.map((v: number) => v / total),
      1e-12,
    );
  });

  it('standardised PCA to 1e-12', () => {
    const pca = Pca.fit(ref.support, { scale: true });
    close(pca.scale!, ref.pca_scaled.scale, 1e-12);
    close(pca.components, ref.pca_scaled.components, 1e-12);
    close(pca.explainedVariance, ref.pca_scaled.explained_variance, 1e-12);
  });

  it('inverseTransform of all components recovers the input; JSON round trip is exact', () => {
    for (const scale of [false, true]) {
      const pca = Pca.fit(ref.support, { scale });
      const back = pca.inverseTransform(pca.transform(ref.query));
      for (const [j, col] of back.entries()) close(col, ref.query[j], 1e-12);
      const again = Pca.fromJSON(JSON.parse(JSON.stringify(pca)));
      expect(Array.from(again.transformRows(ref.query, 3))).toEqual(
        Array.from(pca.transformRows(ref.query, 3)),
      );
    }
  });

  it('rejects bad input with HepInputError', () => {
    expect(() => Pca.fit([[1]])).toThrow(HepInputError);
    expect(() => Pca.fit([[1, 2], [1]])).toThrow(HepInputError);
    expect(() =>
      Pca.fit([
        [1, 2],
        [3, Number.NaN],
      ]),
    ).toThrow(/features\.1\[1\]/);
    expect(() =>
      Pca.fit(
        [
          [1, 1],
          [1, 2],
        ],
        { scale: true },
      ),
    ).toThrow(HepInputError);
    const pca = Pca.fit([
      [1, 2, 4],
      [0, 1, 1],
    ]);
    expect(() => pca.transform([[1, 2, 3]])).toThrow(HepInputError);
    expect(() => pca.transform([[1], [2]], 3)).toThrow(HepInputError);
    expect(() => Pca.fromJSON({ type: 'x' } as never)).toThrow(HepInputError);
  });
});
