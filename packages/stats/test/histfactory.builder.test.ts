import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  buildModel,
  type HistFactoryModel,
  hypotest,
  ModelBuilder,
  type ModelOptions,
  parseWorkspace,
  type WorkspaceSpec,
} from '../src/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const fixture = (name: string): unknown => JSON.parse(readFileSync(join(here, 'fixtures', name), 'utf8'));

/** Re-creates a JSON workspace through the builder API (one builder call per JSON element). */
function viaBuilder(ws: WorkspaceSpec): ModelBuilder {
  const meas = ws.measurements[0] as WorkspaceSpec['measurements'][number];
  const mb = new ModelBuilder({ poi: meas.config.poi, measurement: meas.name });
  for (const c of ws.channels) {
    const observed = ws.observations.find((o) => o.name === c.name)?.data ?? [];
    mb.channel(c.name, Float64Array.from(observed), (ch) => {
      for (const s of c.samples) {
        const sb = ch.sample(s.name, Float64Array.from(s.data));
        for (const m of s.modifiers) {
          if (m.type === 'normfactor') sb.normfactor(m.name);
          else if (m.type === 'shapefactor') sb.shapefactor(m.name);
          else if (m.type === 'lumi') sb.lumi(m.name);
          else if (m.type === 'normsys') sb.normsys(m.name, m.data.hi, m.data.lo);
          else if (m.type === 'histosys') sb.histosys(m.name, m.data.hi_data, m.data.lo_data);
          else if (m.type === 'shapesys') sb.shapesys(m.name, m.data);
          else if (m.type === 'staterror') sb.staterror(m.name, m.data);
        }
      }
    });
  }
  for (const { name, ...config } of meas.config.parameters) mb.parameter(name, config);
  return mb;
}

/** Every number the model exposes, and −2 ln L with gradient and Hessian at two points. */
function numbers(model: HistFactoryModel): unknown {
  const { main, aux } = { main: model.observed, aux: model.auxdata };
  const at = (shift: number) => {
    const x = Float64Array.from(model.inits, (v, i) => v + shift * Math.cos(i));
    const g = new Float64Array(model.nPars);
    const h = new Float64Array(model.nPars * model.nPars);
    const f = model.twiceNll(x, main, aux, g);
    model.twiceNllHessian?.(x, main, aux, h);
    return { f, g: Array.from(g), h: Array.from(h), nu: Array.from(model.expectedMain(x)) };
  };
  return {
    names: model.parameterNames,
    channels: model.channels,
    poi: [model.poiIndex, model.poiName],
    arrays: [model.inits, model.lower, model.upper, model.fixed, model.auxdata, model.observed].map((a) =>
      Array.from(a),
    ),
    constraints: [model.constraintPar, model.constraintWidth, model.constraintIsPoisson].map((a) =>
      Array.from(a),
    ),
    points: [at(0), at(0.1)],
  };
}

describe('ModelBuilder', () => {
  const cases = fixture('histfactory_cases.json') as {
    name: string;
    spec: unknown;
    modifier_settings: ModelOptions['modifierSettings'];
  }[];
  const files = ['1bin_histosys.json', '2bin_staterror.json', '2bin_normsys_code4.json'].map(
    (f) =>
      fixture(`histfactory/${f}`) as {
        spec: unknown;
        modifier_settings: ModelOptions['modifierSettings'];
        poi: string;
      },
  );
  const inputs = [
    ...[
      '1bin_lumi_mu1',
      '2bin_2channel_coupledhistosys_mu1',
      '2bin_2channel_coupledshapefactor_mu1',
      'hello_world_2bin_uncorrelated_background',
    ].map((n) => cases.find((c) => c.name === n) as (typeof cases)[number]),
    ...files.map((f, i) => ({ name: `file ${i}`, ...f })),
  ];
  for (const c of inputs)
    it(`gives the same model as the JSON: ${c.name}`, () => {
      const options = { modifierSettings: c.modifier_settings };
      const ws = parseWorkspace(c.spec);
      const fromJson = buildModel(ws, options);
      const built = viaBuilder(ws).build(options);
      expect(numbers(built)).toEqual(numbers(fromJson));
      expect(hypotest(built, 1).CLs_obs).toBe(hypotest(fromJson, 1).CLs_obs);
    });

  it('builds the pyhf hello-world model in code and reports bad input with the JSON path', () => {
    const model = new ModelBuilder({ poi: 'mu' })
      .channel('singlechannel', [51, 48], (ch) => {
        ch.sample('signal', [12, 11]).normfactor('mu');
        ch.sample('background', [50, 52]).shapesys('uncorr_bkguncrt', [3, 7]);
      })
      .build();
    // pyhf README: CLs_obs = 0.05251497 (computed fixture: 0.05251552420284118 at tight tolerance).
    expect(Math.abs(hypotest(model, 1).CLs_obs / 0.05251552420284118 - 1)).toBeLessThan(1e-5);
    const bad = new ModelBuilder({ poi: 'mu' }).channel('c', [1, 2], (ch) => {
      ch.sample('s', [1, 2]).normfactor('mu');
      ch.sample('b', [1, 2, 3]);
    });
    expect(() => bad.workspace()).toThrow(/channels\[0\]\.samples\[1\]\.data/);
  });
});
