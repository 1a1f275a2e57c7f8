import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  applyPatch,
  buildModel,
  fitModel,
  type HistFactoryModel,
  observedData,
  parseWorkspace,
} from '../src/index.js';
import { fdHessian } from '../src/optimize/boundedNewton.js';

const here = dirname(fileURLToPath(import.meta.url));
const fixture = (name: string): unknown => JSON.parse(readFileSync(join(here, 'fixtures', name), 'utf8'));

interface Case {
  name: string;
  spec: unknown;
  modifier_settings: {
    normsys: { interpcode: 'code1' | 'code4' };
    histosys: { interpcode: 'code0' | 'code4p' };
  };
}

/** Max |analytic − FD(analytic gradient)| relative to the largest Hessian entry, at `x`. */
function hessianMismatch(model: HistFactoryModel, x: Float64Array): number {
  const { main, aux } = observedData(model);
  const n = model.nPars;
  const h = new Float64Array(n * n);
  model.twiceNllHessian?.(x, main, aux, h);
  const wide = new Float64Array(n);
  const fd = fdHessian(
    (p, g) => model.twiceNll(p, main, aux, g),
    x,
    Int32Array.from({ length: n }, (_, i) => i),
    wide.fill(-1e9),
    Float64Array.from(wide).fill(1e9),
  );
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < n * n; i++) {
    diff = Math.max(diff, Math.abs((h[i] as number) - (fd[i] as number)));
    scale = Math.max(scale, Math.abs(fd[i] as number));
  }
  return diff / Math.max(scale, 1);
}

/** A point off the nominal inside |α| < 1 (code4/code4p polynomial region) and optionally POI = 0. */
function probe(model: HistFactoryModel, poiZero: boolean): Float64Array {
  const x = Float64Array.from(model.inits, (v, i) => (model.fixed[i] ? v : v + 0.13 * Math.sin(3 * i + 1)));
  if (poiZero) x[model.poiIndex] = 0;
  return x;
}

describe('analytic Hessian of −2 ln L', () => {
  const cases = fixture('histfactory_cases.json') as Case[];
  const models: [string, HistFactoryModel][] = cases.map((c) => [
    `${c.name} (${c.modifier_settings.normsys.interpcode}/${c.modifier_settings.histosys.interpcode})`,
    buildModel(parseWorkspace(c.spec), { modifierSettings: c.modifier_settings }),
  ]);
  const ws = applyPatch(
    fixture('histfactory/atlas-3l-erjr_BkgOnly.json'),
    fixture('histfactory/atlas-3l-erjr_patch.ERJR_350p0_150p0.json'),
  );
  const code4 = cases.find((c) => c.name === '2bin_2channel_coupledhistosys_mu1') as Case;
  models.push(
    [
      'coupled histosys, code4 + code4p',
      buildModel(parseWorkspace(code4.spec), {
        modifierSettings: { normsys: { interpcode: 'code4' }, histosys: { interpcode: 'code4p' } },
      }),
    ],
    ['ATLAS 3L eRJR', buildModel(ws)],
  );
  for (const [name, model] of models)
    it(`matches finite differences of the gradient: ${name}`, () => {
      // FD of the gradient with step 1e-5 relative: truncation ~1e-9, rounding ~1e-10 of the scale.
      expect(hessianMismatch(model, probe(model, false))).toBeLessThan(1e-6);
      expect(hessianMismatch(model, probe(model, true))).toBeLessThan(1e-6);
    });

  it('gives the same fit and uncertainties as the finite-difference Hessian', () => {
    const model = models.find(([n]) => n.startsWith('hello_world'))?.[1] as HistFactoryModel;
    const plain: HistFactoryModel = { ...model, twiceNllHessian: undefined };
    const a = fitModel(model, observedData(model), { uncertainties: true });
    const b = fitModel(plain, observedData(plain), { uncertainties: true });
    expect(a.status).toBe(0);
    expect(Math.abs(a.twiceNll - b.twiceNll)).toBeLessThan(1e-9);
    for (let i = 0; i < model.nPars; i++) {
      expect(Math.abs((a.values[i] as number) - (b.values[i] as number))).toBeLessThan(1e-6);
      expect(Math.abs((a.errors?.[i] as number) / (b.errors?.[i] as number) - 1)).toBeLessThan(1e-5);
    }
  });
});
