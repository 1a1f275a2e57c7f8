export { type HistogramSvgOptions, histogramSvg, type LabelledHistogram } from './histogramSvg.js';
export { type LabelledRoc, type RocSvgOptions, rocCurveSvg } from './rocSvg.js';
export { linePlotSvg, type PlotOptions, type PlotSeries } from './svgPlot.js';
export { decadeTicks, niceTicks } from './ticks.js';
