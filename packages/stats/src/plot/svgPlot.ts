/**
 * Standalone SVG line plots (no dependencies): several series of lines, steps (histograms) or
 * points with a legend, linear or logarithmic y axis, nice ticks. The building block of
 * {@link rocCurveSvg} and {@link histogramSvg}; write the string to a `.svg` file.
 *
 * @module
 */
import { HepInputError } from '@hep/core';
import { decadeTicks, niceTicks } from './ticks.js';

/** One curve of a plot. */
export interface PlotSeries {
  /** x values; for `'step'`, the bin edges (length y.length + 1). */
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number>;
  readonly label?: string;
  /** `'line'` (default), `'step'` (histogram outline) or `'points'`. */
  readonly kind?: 'line' | 'step' | 'points';
  /** CSS colour (default: a colour-blind-safe cycle). */
  readonly color?: string;
  readonly dashed?: boolean;
}

/** Options of {@link linePlotSvg}. */
export interface PlotOptions {
  readonly title?: string;
  readonly xLabel?: string;
  readonly yLabel?: string;
  /** Axis ranges (default: the data's extent; y from 0 on a linear axis when all y ≥ 0). */
  readonly xRange?: readonly [number, number];
  readonly yRange?: readonly [number, number];
  /** Logarithmic y axis (non-positive y values are left out of the curves). */
  readonly logY?: boolean;
  /** Pixel size (default 640 × 420). */
  readonly width?: number;
  readonly height?: number;
}

/** Okabe–Ito colours, distinguishable with colour-vision deficiencies. */
const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'];
const f = (v: number): string => v.toFixed(2);
const xmlText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const label = (v: number): string => String(Number(v.toPrecision(6)));

function extent(values: number[], fallback: readonly [number, number]): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!(lo < hi)) return lo === hi && Number.isFinite(lo) ? [lo - 0.5, hi + 0.5] : [...fallback];
  return [lo, hi];
}

function checkRange(name: string, range: readonly [number, number] | undefined, log: boolean): void {
  if (range === undefined) return;
  const [lo, hi] = range;
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && hi > lo && (!log || lo > 0))) {
    throw new HepInputError(
      name,
      `needs finite lo < hi${log ? ' with lo > 0 (log axis)' : ''}, got [${lo}, ${hi}]`,
    );
  }
}

function checkSeries(series: readonly PlotSeries[]): void {
  if (series.length === 0) throw new HepInputError('series', 'is empty');
  series.forEach((s, i) => {
    const expected = s.kind === 'step' ? s.y.length + 1 : s.y.length;
    if (s.x.length !== expected) {
      throw new HepInputError(`series[${i}].x`, `has length ${s.x.length}, expected ${expected}`);
    }
  });
}

/** Renders the series as one SVG document (string). */
export function linePlotSvg(series: readonly PlotSeries[], options: PlotOptions = {}): string {
  checkSeries(series);
  const W = options.width ?? 640;
  const H = options.height ?? 420;
  const m = { l: 70, r: 20, t: options.title ? 34 : 16, b: 50 };
  const logY = options.logY ?? false;
  checkRange('options.xRange', options.xRange, false);
  checkRange('options.yRange', options.yRange, logY);
  const xs = series.flatMap((s) => Array.from(s.x).filter(Number.isFinite));
  const ys = series.flatMap((s) => Array.from(s.y).filter((v) => Number.isFinite(v) && (!logY || v > 0)));
  const [x0, x1] = options.xRange ?? extent(xs, [0, 1]);
  let [y0, y1] = options.yRange ?? extent(ys, logY ? [0.1, 1] : [0, 1]);
  if (!options.yRange && !logY && y0 > 0) y0 = 0;
  if (!options.yRange && !logY) y1 += 0.05 * (y1 - y0);
  if (logY && !options.yRange) [y0, y1] = [10 ** Math.floor(Math.log10(y0)), 10 ** Math.ceil(Math.log10(y1))];
  const iw = W - m.l - m.r;
  const ih = H - m.t - m.b;
  const px = (x: number): number => m.l + ((x - x0) / (x1 - x0)) * iw;
  const py = logY
    ? (y: number): number =>
        m.t + ih - ((Math.log10(y) - Math.log10(y0)) / (Math.log10(y1) - Math.log10(y0))) * ih
    : (y: number): number => m.t + ih - ((y - y0) / (y1 - y0)) * ih;
  const shown = (y: number): boolean => Number.isFinite(y) && (!logY || y > 0);
  const clampY = (y: number): number => Math.min(Math.max(py(y), m.t), m.t + ih);
  const body: string[] = [];
  series.forEach((s, i) => {
    const color = s.color ?? (PALETTE[i % PALETTE.length] as string);
    const dash = s.dashed ? ' stroke-dasharray="6,4"' : '';
    if (s.kind === 'points') {
      for (let k = 0; k < s.y.length; k++) {
        const y = s.y[k] as number;
        if (shown(y))
          body.push(`<circle cx="${f(px(s.x[k] as number))}" cy="${f(clampY(y))}" r="2.5" fill="${color}"/>`);
      }
      return;
    }
    const d: string[] = [];
    let pen = 'M';
    for (let k = 0; k < s.y.length; k++) {
      const y = s.y[k] as number;
      if (!shown(y)) {
        pen = 'M';
        continue;
      }
      if (s.kind === 'step') {
        d.push(
          `${pen}${f(px(s.x[k] as number))},${f(clampY(y))}`,
          `L${f(px(s.x[k + 1] as number))},${f(clampY(y))}`,
        );
      } else d.push(`${pen}${f(px(s.x[k] as number))},${f(clampY(y))}`);
      pen = 'L';
    }
    body.push(`<path d="${d.join(' ')}" fill="none" stroke="${color}" stroke-width="1.8"${dash}/>`);
  });
  const axes: string[] = [];
  for (const t of niceTicks(x0, x1)) {
    axes.push(
      `<line x1="${f(px(t))}" y1="${m.t + ih}" x2="${f(px(t))}" y2="${m.t + ih + 5}" stroke="black"/>`,
      `<text x="${f(px(t))}" y="${m.t + ih + 18}" text-anchor="middle" font-size="12">${label(t)}</text>`,
    );
  }
  for (const t of logY ? decadeTicks(y0, y1) : niceTicks(y0, y1)) {
    axes.push(
      `<line x1="${m.l - 5}" y1="${f(py(t))}" x2="${m.l}" y2="${f(py(t))}" stroke="black"/>`,
      `<text x="${m.l - 8}" y="${f(py(t) + 4)}" text-anchor="end" font-size="12">${label(t)}</text>`,
    );
  }
  const legend = series.flatMap((s, i) =>
    s.label === undefined
      ? []
      : [
          `<line x1="${W - m.r - 190}" y1="${m.t + 14 + 18 * i}" x2="${W - m.r - 166}" y2="${m.t + 14 + 18 * i}" stroke="${s.color ?? PALETTE[i % PALETTE.length]}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6,4"' : ''}/>`,
          `<text x="${W - m.r - 160}" y="${m.t + 18 + 18 * i}" font-size="12">${xmlText(s.label)}</text>`,
        ],
  );
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">`,
    `<title>${xmlText(options.title ?? 'plot')}</title>`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<clipPath id="frame"><rect x="${m.l}" y="${m.t}" width="${iw}" height="${ih}"/></clipPath>`,
    `<g clip-path="url(#frame)">`,
    ...body,
    '</g>',
    `<rect x="${m.l}" y="${m.t}" width="${iw}" height="${ih}" fill="none" stroke="black"/>`,
    ...axes,
    ...legend,
    options.title
      ? `<text x="${(W + m.l - m.r) / 2}" y="22" text-anchor="middle" font-size="15">${xmlText(options.title)}</text>`
      : '',
    `<text x="${(W + m.l - m.r) / 2}" y="${H - 10}" text-anchor="middle" font-size="14">${xmlText(options.xLabel ?? '')}</text>`,
    `<text x="16" y="${m.t + ih / 2}" text-anchor="middle" font-size="14" transform="rotate(-90 16 ${m.t + ih / 2})">${xmlText(options.yLabel ?? '')}</text>`,
    '</svg>',
    '',
  ]
    .filter((l) => l !== '')
    .join('\n');
}
