import { HepInputError } from '@hep/core';
import {
  decadeTicks,
  Histogram,
  histogramSvg,
  linePlotSvg,
  niceTicks,
  rocArea,
  rocCurve,
  rocCurveSvg,
} from '@hep/stats';
import { describe, expect, it } from 'vitest';

/** Every opened element is closed in order (a minimal XML well-formedness check). */
function wellFormed(svg: string): boolean {
  const stack: string[] = [];
  for (const m of svg.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
    if (m[3] === '/') continue;
    if (m[1] === '/') {
      if (stack.pop() !== m[2]) return false;
    } else stack.push(m[2] as string);
  }
  return stack.length === 0;
}

describe('axis ticks', () => {
  it('nice steps 1, 2, 2.5, 5 × 10^k (Heckbert), values worked out by hand', () => {
    expect(niceTicks(0, 1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(0, 7.3)).toEqual([0, 2, 4, 6]); // raw step 1.46 → 2
    expect(niceTicks(-3.2, 12.9)).toEqual([0, 5, 10]); // raw 3.22 → 5
    expect(niceTicks(0.013, 0.087)).toEqual([0.02, 0.04, 0.06, 0.08]); // raw 0.0148 → 0.02
    expect(niceTicks(0, 10)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(niceTicks(0, 12)).toEqual([0, 2.5, 5, 7.5, 10]); // raw 2.4 → 2.5
    expect(decadeTicks(0.5, 2000)).toEqual([1, 10, 100, 1000]);
    expect(() => niceTicks(1, 1)).toThrow(HepInputError);
    expect(() => decadeTicks(0, 1)).toThrow(HepInputError);
  });
});

describe('SVG plots', () => {
  it('ROC curves: a perfect classifier passes through (ε_B, ε_S) = (0, 1) at the frame corner', () => {
    const roc = rocCurve([0.9, 0.8, 0.2, 0.1], [1, 1, 0, 0]);
    expect(rocArea(roc)).toBe(1);
    const svg = rocCurveSvg([{ roc, label: 'perfect' }]);
    expect(wellFormed(svg)).toBe(true);
    // default frame: left margin 70 px, top 16 px → (0, 1) maps to (70, 16)
    expect(svg).toContain('L70.00,16.00');
    expect(svg).toContain('perfect (AUC 1.0000)');
    expect(svg).toContain('random');
    const rejection = rocCurveSvg([{ roc: rocCurve([0.9, 0.6, 0.7, 0.1], [1, 1, 0, 0]) }], {
      form: 'rejection',
    });
    expect(wellFormed(rejection)).toBe(true);
    expect(rejection).toContain('background rejection');
  });
  it('histograms as step outlines; density mode draws unit area', () => {
    const h = new Histogram({ lower: 0, upper: 2, bins: 2 }).fill([0.5, 1.5, 1.5]);
    const svg = histogramSvg([{ histogram: h, label: 'toy <&>' }], { xRange: [0, 2], yRange: [0, 2] });
    expect(wellFormed(svg)).toBe(true);
    expect(svg).toContain('toy &lt;&amp;&gt;');
    // inner frame 550 × 354 px from (70, 16): bin [0, 1) at height 1 → y = 16 + 354/2 = 193
    expect(svg).toContain('M70.00,193.00 L345.00,193.00 L345.00,16.00 L620.00,16.00');
    const dens = histogramSvg([{ histogram: h }], { density: true, yRange: [0, 1] });
    expect(dens).toContain('density');
  });
  it('log axes leave non-positive values out; bad series lengths are named', () => {
    const svg = linePlotSvg([{ x: [1, 2, 3], y: [0, 10, 100] }], { logY: true });
    expect(wellFormed(svg)).toBe(true);
    expect(svg.match(/<path d="M/g)?.length).toBe(1);
    expect(() => linePlotSvg([{ x: [0, 1], y: [1], kind: 'line' }])).toThrow(HepInputError);
    const error = (() => {
      try {
        linePlotSvg([{ x: [0, 1], y: [1, 2], kind: 'step' }]);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(HepInputError);
    expect((error as HepInputError).argument).toBe('series[0].x');
    expect(() => linePlotSvg([])).toThrow(HepInputError);
    expect(() => rocCurveSvg([])).toThrow(/curves/);
    expect(() => linePlotSvg([{ x: [0, 1], y: [1, 2] }], { xRange: [1, 1] })).toThrow(/options\.xRange/);
    expect(() => linePlotSvg([{ x: [0, 1], y: [1, 2] }], { yRange: [0, 1], logY: true })).toThrow(
      /options\.yRange/,
    );
    expect(() => histogramSvg([])).toThrow(/histograms/);
  });
});
