/**
 * End-to-end example for the LFV heavy-Higgs analysis of paper 000 (H → μτ_e), on toy events:
 * kinematics → the paper's 10-feature DNN (lfvClassifier preset) → ROC curve, score
 * distributions (SVG), KernelSHAP feature ranking, saved model.
 *
 * Toy physics (not a detector simulation): signal H(200 GeV) → μτ, τ → eνν̄ with the neutrinos
 * collinear to the τ; background a Drell–Yan-like Z/γ* → ττ → μνν̄ eνν̄ continuum; massless leptons; MET smeared by 10 GeV per
 * component. Run: npx tsx examples/lfv-classifier.ts  (writes reports/lfv-*.svg, ~40 s)
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import { Rng } from '@hep/core';
import {
  boost,
  collinearMass,
  deltaPhi,
  eta,
  type FourVector,
  type FourVectorArrays,
  pt,
  transverseMass,
  visibleMass,
} from '@hep/kinematics';
import {
  evaluateClassifier,
  initEngine,
  kernelShap,
  lfvClassifier,
  modelToJSON,
  Network,
  StandardScaler,
  scoreModel,
  trainNetwork,
} from '@hep/models';
import { histogramSvg, rocCurveSvg } from '@hep/stats';

const rng = new Rng(2026);
const N = 6000; // events per class

/** Two massless daughters of a parent of mass M (isotropic in its rest frame), in the lab. */
function decayToTwo(M: number): [FourVector, FourVector] {
  const c = rng.uniform(-1, 1);
  const s = Math.sqrt(1 - c * c);
  const ph = rng.uniform(-Math.PI, Math.PI);
  const q = M / 2;
  const d = { px: q * s * Math.cos(ph), py: q * s * Math.sin(ph), pz: q * c, E: q };
  // parent: pT ~ 20 GeV exponential, rapidity ~ N(0, 1.2)
  const ptP = rng.exponential(1 / 20);
  const phiP = rng.uniform(-Math.PI, Math.PI);
  const mt = Math.hypot(M, ptP);
  const y = rng.normal(0, 1.2);
  const parent = {
    px: ptP * Math.cos(phiP),
    py: ptP * Math.sin(phiP),
    pz: mt * Math.sinh(y),
    E: mt * Math.cosh(y),
  };
  return [boost(d, parent), boost({ px: -d.px, py: -d.py, pz: -d.pz, E: q }, parent)];
}

/** Visible fraction of a leptonic τ decay (toy: triangular on (0, 1)). */
const visibleFraction = () => 0.5 * (rng.uniform() + rng.uniform());

function makeEvents(n: number, signal: boolean) {
  const col = (): FourVectorArrays => ({
    px: new Float64Array(n),
    py: new Float64Array(n),
    pz: new Float64Array(n),
    E: new Float64Array(n),
  });
  const mu = col();
  const e = col();
  const met = { px: new Float64Array(n), py: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    // background: a Drell–Yan-like ττ continuum from 60 GeV (exponential tail, mean 80 GeV above)
    const [a, b] = decayToTwo(signal ? 200 : 60 + rng.exponential(1 / 80));
    const xMu = signal ? 1 : visibleFraction(); // prompt μ (signal) or τ → μνν̄ (background)
    const xE = visibleFraction();
    for (const key of ['px', 'py', 'pz', 'E'] as const) {
      mu[key][i] = xMu * a[key];
      e[key][i] = xE * b[key];
    }
    met.px[i] = (1 - xMu) * a.px + (1 - xE) * b.px + rng.normal(0, 10);
    met.py[i] = (1 - xMu) * a.py + (1 - xE) * b.py + rng.normal(0, 10);
  }
  const metVec = {
    ...met,
    pz: new Float64Array(n),
    E: Float64Array.from(met.px, (x, i) => Math.hypot(x, met.py[i]!)),
  };
  // paper 000's kind of features: lepton pT and η, Δφ, m_vis, M_col, MET, Δφ(e, MET), m_T(μ, MET)
  return [
    pt(mu),
    pt(e),
    eta(mu),
    eta(e),
    deltaPhi(mu, e),
    visibleMass(mu, e),
    collinearMass(mu, e, met).mass,
    metVec.E,
    deltaPhi(e, metVec),
    transverseMass(mu, met),
  ];
}
const names = ['pT(μ)', 'pT(e)', 'η(μ)', 'η(e)', 'Δφ(μ,e)', 'm_vis', 'M_col', 'MET', 'Δφ(e,MET)', 'm_T(μ)'];

// Data: signal and background, shuffled into train / validation / test halves.
const sig = makeEvents(N, true);
const bkg = makeEvents(N, false);
const order = rng.permutation(2 * N);
const pick = (from: number, to: number) => {
  const idx = order.subarray(from, to);
  const cols = sig.map((s, j) => Float64Array.from(idx, (k) => (k < N ? s[k]! : bkg[j]![k - N]!)));
  return { cols, labels: Float64Array.from(idx, (k) => (k < N ? 1 : 0)) };
};
const train = pick(0, N);
const val = pick(N, N + N / 2);
const test = pick(N + N / 2, 2 * N);

await initEngine();
const scaler = StandardScaler.fit(train.cols);
const preset = lfvClassifier(); // paper 000 Tables I–II
const net = new Network(preset.spec, new Rng(1));
trainNetwork(net, scaler.transform(train.cols), train.labels, {
  ...preset.training,
  epochs: 15,
  seed: 2,
  validation: { features: scaler.transform(val.cols), target: val.labels },
  onEpoch: (log) => {
    console.log(
      `epoch ${log.epoch}: loss ${log.loss.toFixed(4)}, validation accuracy ${log.valAccuracy?.toFixed(4)}`,
    );
    return undefined;
  },
});

const ev = evaluateClassifier(net, scaler.transform(test.cols), test.labels);
console.log(`test AUC ${ev.auc[0]?.toFixed(4)}, accuracy ${ev.accuracy.toFixed(4)}`);

// Which features matter (paper 000 Fig. 7): mean |SHAP| over 200 test events, 100 background rows.
const explain = scaler.transform(test.cols).map((c) => c.subarray(0, 200));
const background = scaler.transform(train.cols).map((c) => c.subarray(0, 100));
const shap = kernelShap(scoreModel(net), explain, background, new Rng(3));
console.log(
  'SHAP ranking:',
  Array.from(shap.ranking, (j) => `${names[j]} ${shap.meanAbs[j]!.toFixed(3)}`).join(' > '),
);

mkdirSync('reports', { recursive: true });
writeFileSync(
  'reports/lfv-roc.svg',
  rocCurveSvg([{ roc: ev.roc[0]!, label: 'lfvClassifier' }], { title: 'H → μτ_e (toy)' }),
);
const [bkgScores, sigScores] = ev.distributions[0]!;
writeFileSync(
  'reports/lfv-scores.svg',
  histogramSvg(
    [
      { histogram: sigScores!, label: 'signal H(200) → μτ_e' },
      { histogram: bkgScores!, label: 'background Z/γ* → ττ' },
    ],
    { density: true, logY: true, xLabel: 'classifier score', title: 'score distributions (test set)' },
  ),
);
writeFileSync('reports/lfv-model.json', JSON.stringify(modelToJSON(net, { scaler })));
console.log('wrote reports/lfv-roc.svg, reports/lfv-scores.svg, reports/lfv-model.json');
