import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { brazilBandSvg } from '../src/index.js';

const here = dirname(fileURLToPath(import.meta.url));

// A fixed synthetic scan (monotone CLs curves), so the golden file does not depend on fit round-off.
const points = [0.5, 1, 1.5, 2, 2.5, 3].map((mu) => ({
  mu,
  CLs_obs: Math.exp(-1.2 * mu),
  CLs_exp: [2, 1, 0, -1, -2].map((n) => Math.exp(-(1.5 - 0.25 * n) * mu)),
}));

describe('Brazil-band SVG', () => {
  it('matches the golden file (pyhf colours: green ±1σ, yellow ±2σ, dashed expected, red α line)', () => {
    const svg = brazilBandSvg(points, { xLabel: 'mu' });
    const golden = readFileSync(join(here, 'fixtures', 'histfactory', 'brazil_golden.svg'), 'utf8');
    expect(svg).toBe(golden);
    expect(svg).toContain('fill="green"');
    expect(svg).toContain('fill="yellow"');
    expect(svg).toContain('stroke-dasharray');
  });

  it('rejects unordered or short scans', () => {
    expect(() => brazilBandSvg(points.slice(0, 1))).toThrow(/points/);
    expect(() =>
      brazilBandSvg([
        points[1] as { mu: number; CLs_obs: number; CLs_exp: number[] },
        points[0] as { mu: number; CLs_obs: number; CLs_exp: number[] },
      ]),
    ).toThrow(/increase/);
  });
});
