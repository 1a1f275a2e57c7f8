/** Real data: recompute the dimuon mass M of 2304 CMS open-data candidates (fixtures/README.md). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { visibleMass } from '../src/index.js';

const lines = readFileSync(new URL('./fixtures/zmumu.csv', import.meta.url), 'utf8')
  .trim()
  .split('\n');
const header = lines[0]!.split(',');
const col = (name: string) => {
  const k = header.indexOf(name);
  return Float64Array.from(lines.slice(1), (l) => Number(l.split(',')[k]));
};

describe('Zmumu (CMS open data via scikit-hep-testdata)', () => {
  const mu1 = { px: col('px1'), py: col('py1'), pz: col('pz1'), E: col('E1') };
  const mu2 = { px: col('px2'), py: col('py2'), pz: col('pz2'), E: col('E2') };
  it('has 2304 candidates', () => expect(mu1.px.length).toBe(2304));
  it('recomputes M to 1e-6 relative (columnar)', () => {
    const m = visibleMass(mu1, mu2);
    const ref = col('M');
    let worst = 0;
    for (let i = 0; i < m.length; i++) worst = Math.max(worst, Math.abs(m[i]! - ref[i]!) / ref[i]!);
    expect(worst).toBeLessThan(1e-6);
  });
});
