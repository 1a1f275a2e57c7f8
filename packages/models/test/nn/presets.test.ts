import { Rng } from '@hep/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initEngine } from '../../src/nn/engine.js';
import { Network } from '../../src/nn/network.js';
import {
  cpClassifier,
  lfvClassifier,
  massRegressor,
  massSelectionScore,
  multiClassifier,
} from '../../src/nn/presets.js';

beforeAll(async () => {
  await initEngine('wasm');
});

function count(spec: ConstructorParameters<typeof Network>[0]) {
  const net = new Network(spec, new Rng(1));
  const c = net.countParams();
  net.dispose();
  return c;
}

describe('presets build the papers’ architectures', () => {
  it('lfvClassifier: paper 000 Table I', () => {
    // Dense 10→128 (1408) + BN (512) + 128→64 (8256) + BN (256) + 64→64 (4160) + BN (256)
    // + 64→32 (2080) + 32→32 (1056) + BN (128) + 32→1 (33) = 18145; BN moving stats 2·288 = 576
    expect(count(lfvClassifier().spec)).toEqual({ total: 18145, trainable: 17569 });
  });
  it('massRegressor: paper 000 Table IV / Fig. 10', () => {
    // entry 10→256 (2816) + BN (1024); res1 2×(256→256: 65792 + BN 1024); res2 256→128 (32896)
    // + 128→128 (16512) + 2 BN (1024) + projection 256→128 (32896); out 129 → 220929;
    // moving stats 2·(256·3 + 128·2) = 2048
    expect(count(massRegressor().spec)).toEqual({ total: 220929, trainable: 218881 });
  });
  it('cpClassifier: paper 001 §3.3 (26-500-1000-100, softmax over H/A)', () => {
    // 26→500 (13500) + BN (2000) + 500→1000 (501000) + BN (4000) + 1000→100 (100100) + BN (400)
    // + 100→2 (202) = 621202; moving stats 2·1600 = 3200
    expect(count(cpClassifier().spec)).toEqual({ total: 621202, trainable: 618002 });
  });
  it('multiClassifier: paper 003 Table 1 totals 4188 / 20544 / 13748', () => {
    expect(count(multiClassifier('1TeV').spec).total).toBe(4188);
    expect(count(multiClassifier('1.5TeV').spec).total).toBe(20544);
    expect(count(multiClassifier('2TeV').spec).total).toBe(13748);
  });
  it('massSelectionScore = σ_SD + 50|μ − m_H|', () => {
    // values 299, 301 → μ = 300, σ (ddof 0) = 1; m_H = 300.5 → S = 1 + 50·0.5 = 26
    expect(massSelectionScore(new Float64Array([299, 301]), 300.5)).toBeCloseTo(26, 12);
  });
});
