/**
 * ROC curves as SVG: the machine-learning form (TPR against FPR, with the diagonal of a random
 * classifier) or the HEP form (background rejection 1/ε_B against signal efficiency ε_S, log y).
 *
 * @module
 */
import { HepInputError } from '@hep/core';
import { type RocCurve, rocArea } from '../metrics/roc.js';
import { linePlotSvg, type PlotOptions, type PlotSeries } from './svgPlot.js';

/** One classifier's ROC curve and its legend entry. */
export interface LabelledRoc {
  readonly roc: RocCurve;
  readonly label?: string;
}

/** Options of {@link rocCurveSvg}. */
export interface RocSvgOptions extends PlotOptions {
  /** `'tpr-fpr'` (default) or `'rejection'` (1/ε_B against ε_S, logarithmic). */
  readonly form?: 'tpr-fpr' | 'rejection';
}

/** Renders ROC curves (from {@link rocCurve}) as an SVG document; legends carry the AUC. */
export function rocCurveSvg(curves: readonly LabelledRoc[], options: RocSvgOptions = {}): string {
  if (curves.length === 0) throw new HepInputError('curves', 'is empty');
  const named = (c: LabelledRoc, i: number) =>
    `${c.label ?? `classifier ${i + 1}`} (AUC ${rocArea(c.roc).toFixed(4)})`;
  if (options.form === 'rejection') {
    const series: PlotSeries[] = curves.map((c, i) => ({
      x: c.roc.tpr,
      y: c.roc.backgroundRejection,
      label: named(c, i),
    }));
    return linePlotSvg(series, {
      xLabel: 'signal efficiency ε_S',
      yLabel: 'background rejection 1/ε_B',
      xRange: [0, 1],
      logY: true,
      ...options,
    });
  }
  const series: PlotSeries[] = curves.map((c, i) => ({ x: c.roc.fpr, y: c.roc.tpr, label: named(c, i) }));
  series.push({ x: [0, 1], y: [0, 1], label: 'random', color: '#888888', dashed: true });
  return linePlotSvg(series, {
    xLabel: 'false-positive rate ε_B',
    yLabel: 'true-positive rate ε_S',
    xRange: [0, 1],
    yRange: [0, 1],
    ...options,
  });
}
