/**
 * Brazil-band plot of a CLs scan as a standalone SVG string, in pyhf's style
 * (`pyhf.contrib.viz.brazil`): ±2σ expected band yellow, ±1σ green, expected median black dashed,
 * observed black solid, the test size α as a red horizontal line. Axes: μ (x) and CLs in [0, 1] (y).
 *
 * @module
 */

import { HepInputError } from '@hep/core';
import type { BrazilPoint } from '../inference/upperLimit.js';

/** Options of {@link brazilBandSvg}. */
export interface BrazilSvgOptions {
  /** Pixel size (default 640 × 420). */
  width?: number;
  height?: number;
  /** Test size drawn as a horizontal line (default 0.05). */
  alpha?: number;
  /** x-axis label (default "μ"). */
  xLabel?: string;
}

const fmt = (v: number): string => v.toFixed(2);

/** Renders the scan (points sorted by μ; CLs_exp in pyhf order N = 2 … −2) as SVG text. */
export function brazilBandSvg(points: readonly BrazilPoint[], options: BrazilSvgOptions = {}): string {
  if (points.length < 2) throw new HepInputError('points', 'need at least two scan points');
  points.forEach((p, i) => {
    if (p.CLs_exp.length !== 5) throw new HepInputError('points', 'CLs_exp must have five entries', i);
    if (i > 0 && !(p.mu > (points[i - 1] as BrazilPoint).mu))
      throw new HepInputError('points', 'mu must increase', i);
  });
  const W = options.width ?? 640;
  const H = options.height ?? 420;
  const alpha = options.alpha ?? 0.05;
  const m = { l: 60, r: 20, t: 20, b: 50 };
  const x0 = (points[0] as BrazilPoint).mu;
  const x1 = (points[points.length - 1] as BrazilPoint).mu;
  const px = (mu: number): number => m.l + ((mu - x0) / (x1 - x0)) * (W - m.l - m.r);
  const py = (cls: number): number => H - m.b - Math.min(1, Math.max(0, cls)) * (H - m.t - m.b);
  const line = (k: (p: BrazilPoint) => number): string =>
    points.map((p, i) => `${i === 0 ? 'M' : 'L'}${fmt(px(p.mu))},${fmt(py(k(p)))}`).join(' ');
  const band = (lo: number, hi: number): string => {
    const up = points.map(
      (p, i) => `${i === 0 ? 'M' : 'L'}${fmt(px(p.mu))},${fmt(py(p.CLs_exp[hi] as number))}`,
    );
    const dn = [...points].reverse().map((p) => `L${fmt(px(p.mu))},${fmt(py(p.CLs_exp[lo] as number))}`);
    return `${up.join(' ')} ${dn.join(' ')} Z`;
  };
  const ticks: string[] = [];
  for (let k = 0; k <= 5; k++) {
    const v = k / 5;
    ticks.push(
      `<line x1="${m.l - 5}" y1="${fmt(py(v))}" x2="${m.l}" y2="${fmt(py(v))}" stroke="black"/>`,
      `<text x="${m.l - 8}" y="${fmt(py(v) + 4)}" text-anchor="end" font-size="12">${v.toFixed(1)}</text>`,
    );
    const mu = x0 + (k / 5) * (x1 - x0);
    ticks.push(
      `<line x1="${fmt(px(mu))}" y1="${H - m.b}" x2="${fmt(px(mu))}" y2="${H - m.b + 5}" stroke="black"/>`,
      `<text x="${fmt(px(mu))}" y="${H - m.b + 18}" text-anchor="middle" font-size="12">${Number(mu.toPrecision(4))}</text>`,
    );
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">`,
    '<title>CLs scan with expected ±1σ/±2σ bands</title>',
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<path d="${band(0, 4)}" fill="yellow" stroke="none"/>`,
    `<path d="${band(1, 3)}" fill="green" stroke="none"/>`,
    `<path d="${line((p) => p.CLs_exp[2] as number)}" fill="none" stroke="black" stroke-dasharray="6,4" stroke-width="1.5"/>`,
    `<path d="${line((p) => p.CLs_obs)}" fill="none" stroke="black" stroke-width="2"/>`,
    `<line x1="${m.l}" y1="${fmt(py(alpha))}" x2="${W - m.r}" y2="${fmt(py(alpha))}" stroke="red" stroke-width="1.5"/>`,
    `<rect x="${m.l}" y="${m.t}" width="${W - m.l - m.r}" height="${H - m.t - m.b}" fill="none" stroke="black"/>`,
    ...ticks,
    `<text x="${(W + m.l - m.r) / 2}" y="${H - 10}" text-anchor="middle" font-size="14">${options.xLabel ?? 'μ'}</text>`,
    `<text x="16" y="${(H - m.b + m.t) / 2}" text-anchor="middle" font-size="14" transform="rotate(-90 16 ${(H - m.b + m.t) / 2})">CLs</text>`,
    '</svg>',
    '',
  ].join('\n');
}
