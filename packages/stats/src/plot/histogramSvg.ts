/**
 * Histograms as SVG step outlines (e.g. classifier score distributions per class, mass spectra),
 * as counts or as densities normalised to unit area.
 *
 * @module
 */
import { HepInputError } from '@hep/core';
import type { Histogram } from '../histogram/histogram.js';
import { linePlotSvg, type PlotOptions } from './svgPlot.js';

/** One histogram and its legend entry. */
export interface LabelledHistogram {
  readonly histogram: Histogram;
  readonly label?: string;
  readonly color?: string;
}

/** Options of {@link histogramSvg}. */
export interface HistogramSvgOptions extends PlotOptions {
  /** Draw {@link Histogram.density} instead of Σw per bin (default false). */
  readonly density?: boolean;
}

/** Renders the histograms' regular bins as step outlines in one SVG document. */
export function histogramSvg(
  histograms: readonly LabelledHistogram[],
  options: HistogramSvgOptions = {},
): string {
  if (histograms.length === 0) throw new HepInputError('histograms', 'is empty');
  const density = options.density ?? false;
  return linePlotSvg(
    histograms.map((h) => ({
      x: h.histogram.edges,
      y: density ? h.histogram.density() : h.histogram.values(),
      kind: 'step' as const,
      ...(h.label === undefined ? {} : { label: h.label }),
      ...(h.color === undefined ? {} : { color: h.color }),
    })),
    { yLabel: density ? 'density' : 'events', ...options },
  );
}
