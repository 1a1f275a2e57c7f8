/**
 * HistFactory / asymptotic CLs: hypotest and full upper limit on synthetic pyhf
 * `uncorrelated_background` models with 1, 10 and 50 bins (shapesys per bin), and the time per
 * signal point of the real ATLAS 1Lbb likelihood (HEPData; read from ../shared when present).
 *
 * Baseline in the same process: the same fits with the Hessian as a finite difference of the
 * analytic gradient (the previous implementation, 2·nPars gradients per Newton step) instead of the
 * exact analytic Hessian.
 * Toys: 1000 toy CLs on 2 worker threads against the same toys in the calling thread.
 * Anchors: pyhf 0.7 numpy backend on this machine (issue 4): hypotest 9.3 ms / 78 ms / 3.1 s,
 * upper limit 0.47 s / 3.3 s / 25 s.
 */

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  applyPatch,
  buildModel,
  type HistFactoryModel,
  hypotest,
  parseWorkspace,
  toyHypotest,
  upperLimit,
  type WorkspaceSpec,
} from '../packages/stats/src/index.js';
import { type BenchCase, defineSuite } from './harness.js';

/** pyhf.simplemodels.uncorrelated_background with deterministic yields; data = background. */
function uncorrelatedBackground(nbins: number): WorkspaceSpec {
  const s = Array.from(
    { length: nbins },
    (_, i) => 5 + 10 * Math.exp(-(((i - nbins / 2) / (nbins / 4 + 1)) ** 2)),
  );
  const b = Array.from({ length: nbins }, (_, i) => 50 + 30 * Math.cos(i));
  const u = b.map((x) => 0.1 * x);
  return parseWorkspace({
    channels: [
      {
        name: 'singlechannel',
        samples: [
          { name: 'signal', data: s, modifiers: [{ name: 'mu', type: 'normfactor', data: null }] },
          {
            name: 'background',
            data: b,
            modifiers: [{ name: 'uncorr_bkguncrt', type: 'shapesys', data: u }],
          },
        ],
      },
    ],
    observations: [{ name: 'singlechannel', data: b.map((x) => Math.round(x)) }],
    measurements: [{ name: 'meas', config: { poi: 'mu', parameters: [] } }],
    version: '1.0.0',
  });
}

/** The same model without its analytic Hessian: fits fall back to finite differences of the gradient. */
function withFdHessian(model: HistFactoryModel): HistFactoryModel {
  return { ...model, twiceNllHessian: undefined };
}

const here = dirname(fileURLToPath(import.meta.url));
const atlasDir = join(here, '..', '..', 'shared', 'data', 'atlas-1lbb');

export default defineSuite({
  name: 'histfactory',
  description:
    'pyhf-compatible HistFactory: asymptotic CLs hypotest and upper limits; ATLAS 1Lbb time per point',
  cases: () => {
    const cases: BenchCase[] = [];
    const warmUp: HistFactoryModel[] = [];
    const anchors: Record<number, [number, number]> = { 1: [0.0093, 0.47], 10: [0.078, 3.3], 50: [3.1, 25] };
    for (const nbins of [1, 10, 50]) {
      const model = buildModel(uncorrelatedBackground(nbins));
      const numeric = withFdHessian(model);
      if (nbins === 1) warmUp.push(model, numeric);
      const [aHypo, aLimit] = anchors[nbins] as [number, number];
      cases.push({
        name: `hypotest ${nbins} bin${nbins > 1 ? 's' : ''} (shapesys)`,
        ours: { name: 'analytic Hessian', run: () => hypotest(model, 1) },
        baseline: { name: 'FD Hessian', run: () => hypotest(numeric, 1) },
        anchors: [{ name: 'pyhf numpy', seconds: aHypo }],
        minSeconds: 0.5,
        maxRepeats: 20,
      });
      cases.push({
        name: `upper limit ${nbins} bin${nbins > 1 ? 's' : ''} (shapesys)`,
        ours: { name: 'analytic Hessian', run: () => upperLimit(model) },
        baseline: { name: 'FD Hessian', run: () => upperLimit(numeric) },
        anchors: [{ name: 'pyhf numpy', seconds: aLimit }],
        minSeconds: 0.5,
        maxRepeats: nbins === 50 ? 3 : 10,
      });
    }
    const toyModel = buildModel(uncorrelatedBackground(10));
    cases.push({
      // Enough toys to amortise the workers' start-up (from sources each worker compiles the TS first).
      name: 'toy CLs, 4000 toys × 2 hypotheses, 10 bins (shapesys)',
      ours: {
        name: '2 worker threads',
        run: () => toyHypotest(toyModel, 1, { ntoys: 4000, seed: 1, threads: 2 }),
      },
      baseline: {
        name: '1 thread',
        run: () => toyHypotest(toyModel, 1, { ntoys: 4000, seed: 1, threads: 1 }),
      },
      items: 4000,
      minSeconds: 1,
      maxRepeats: 3,
    });
    const bkg = join(atlasDir, 'BkgOnly.json');
    const patch = join(atlasDir, 'patch_C1N2_Wh_hbb_700_150.json');
    if (existsSync(bkg) && existsSync(patch)) {
      const ws = applyPatch(
        parseWorkspace(JSON.parse(readFileSync(bkg, 'utf8'))),
        JSON.parse(readFileSync(patch, 'utf8')),
      );
      const model = buildModel(ws);
      cases.push({
        name: `ATLAS 1Lbb C1N2_Wh_hbb_700_150 hypotest (${model.nBins} bins, ${model.nPars} pars), per point`,
        ours: { name: 'analytic Hessian', run: () => hypotest(model, 1) },
        baseline: { name: 'FD Hessian (before)', run: () => hypotest(withFdHessian(model), 1) },
        minSeconds: 1,
        maxRepeats: 5,
      });
      cases.push({
        name: `ATLAS 1Lbb C1N2_Wh_hbb_700_150 upper limit (obs + 5 expected)`,
        ours: { name: 'analytic Hessian', run: () => upperLimit(model) },
        minSeconds: 1,
        maxRepeats: 3,
      });
    }
    // JIT warm-up of both fit paths, after all set-up garbage (the ATLAS JSON) exists: otherwise the
    // first timed cases measure compilation and a major GC rather than the steady state.
    for (let i = 0; i < 20; i++) for (const m of warmUp) upperLimit(m);
    return cases;
  },
});
