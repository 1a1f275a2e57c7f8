/**
 * Sample layout: a 1-D sample is a Float64Array; a d-dimensional sample is d columns (one
 * Float64Array per variable, equal lengths). Internally the fits use row-major n×d arrays.
 *
 * @module
 */
import { assertFiniteArray, HepInputError } from '@hep/core';

/** A 1-D sample or d columns of a d-dimensional sample. */
export type Sample = Float64Array | readonly Float64Array[];

/** Number of variables d and events n of a sample, validated (finite values, equal columns). */
export function sampleShape(name: string, sample: Sample): { d: number; n: number } {
  if (sample instanceof Float64Array) {
    assertFiniteArray(name, sample);
    return { d: 1, n: sample.length };
  }
  if (sample.length < 1) throw new HepInputError(name, 'has no columns');
  const n = (sample[0] as Float64Array).length;
  sample.forEach((c, k) => {
    if (c.length !== n) throw new HepInputError(`${name}[${k}]`, `has ${c.length} entries, expected ${n}`);
    assertFiniteArray(`${name}[${k}]`, c);
  });
  return { d: sample.length, n };
}

/** Column k of a sample. */
function column(sample: Sample, k: number): Float64Array {
  return sample instanceof Float64Array ? sample : (sample[k] as Float64Array);
}

/** Per-variable mean and standard deviation (used to standardise d > 1 inputs). */
export interface Standardisation {
  mean: Float64Array;
  scale: Float64Array;
}

/**
 * Standardisation for d > 1 from one sample (mean 0, unit variance per variable); identity for
 * d = 1 so that the 1-D weight bound W keeps its meaning in x units.
 */
export function standardisationOf(sample: Sample, d: number): Standardisation {
  const mean = new Float64Array(d);
  const scale = new Float64Array(d).fill(1);
  if (d === 1) return { mean, scale };
  for (let k = 0; k < d; k++) {
    const c = column(sample, k);
    let s = 0;
    for (let i = 0; i < c.length; i++) s += c[i] as number;
    const m = s / c.length;
    let v = 0;
    for (let i = 0; i < c.length; i++) v += ((c[i] as number) - m) ** 2;
    mean[k] = m;
    scale[k] = Math.sqrt(v / c.length) || 1;
  }
  return { mean, scale };
}

/** Writes the standardised rows of `samples` one after another into a new row-major array. */
export function stackRows(samples: readonly Sample[], d: number, st: Standardisation): Float64Array {
  let n = 0;
  for (const s of samples) n += column(s, 0).length;
  const x = new Float64Array(n * d);
  let row = 0;
  for (const s of samples) {
    const m = column(s, 0).length;
    for (let k = 0; k < d; k++) {
      const c = column(s, k);
      for (let i = 0; i < m; i++)
        x[(row + i) * d + k] = ((c[i] as number) - (st.mean[k] as number)) / (st.scale[k] as number);
    }
    row += m;
  }
  return x;
}
