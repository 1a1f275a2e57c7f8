import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HepInputError } from '@hep/core';
import { describe, expect, it } from 'vitest';
import {
  applyPatch,
  buildModel,
  discovery,
  fitModel,
  hypotest,
  normalIsf,
  type ObservationSpec,
  observedData,
  parseWorkspace,
  upperLimit,
  workspaceToJson,
} from '../src/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const fixture = (name: string): unknown => JSON.parse(readFileSync(join(here, 'fixtures', name), 'utf8'));

interface Case {
  name: string;
  variant: 'computed' | 'reference';
  spec: unknown;
  modifier_settings: {
    normsys: { interpcode: 'code1' | 'code4' };
    histosys: { interpcode: 'code0' | 'code4p' };
  };
  test_stat: 'q' | 'qtilde' | 'q0';
  mu: number;
  calctype: string;
  expected: Record<string, number | number[] | undefined>;
}
const cases = (fixture('histfactory_cases.json') as Case[]).filter((c) => c.calctype === 'asymptotics');

function expectRel(actual: number, expected: number, rtol: number, what: string): void {
  const rel = Math.abs(actual - expected) / Math.abs(expected);
  expect(rel, `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(rtol);
}

describe('HistFactory asymptotics vs pyhf (histfactory_cases.json)', () => {
  for (const c of cases) {
    const rtol = c.variant === 'computed' ? 1e-5 : 3e-4;
    it(`${c.name} [${c.variant}, ${c.test_stat}]`, () => {
      const model = buildModel(parseWorkspace(c.spec), { modifierSettings: c.modifier_settings });
      const e = c.expected;
      const stat = c.test_stat === 'q' ? 'q' : 'qtilde';
      if (typeof e.cls_obs === 'number') {
        const r = hypotest(model, c.mu, { testStat: stat });
        expectRel(r.CLs_obs, e.cls_obs, rtol, 'CLs_obs');
        if (Array.isArray(e.cls_exp))
          e.cls_exp.forEach((v, i) => {
            expectRel(r.CLs_exp[i] as number, v, rtol, `CLs_exp[${i}]`);
          });
        if (typeof e.cls_exp_median === 'number')
          expectRel(r.CLs_exp[2] as number, e.cls_exp_median, rtol, 'CLs_exp median');
      }
      if (typeof e.mu_up_obs === 'number') {
        const u = upperLimit(model, { testStat: stat });
        expectRel(u.mu_obs, e.mu_up_obs, rtol, 'mu_up_obs');
        if (Array.isArray(e.mu_up_exp))
          e.mu_up_exp.forEach((v, i) => {
            expectRel(u.mu_exp[i] as number, v, rtol, `mu_up_exp[${i}]`);
          });
      }
      if (typeof e.p0_obs === 'number' && Array.isArray(e.p0_exp)) {
        const d = discovery(model);
        expectRel(d.p0_obs, e.p0_obs, rtol, 'p0_obs');
        // pyhf's stored regression numbers have √q0A = 2.22019 where current pyhf (computed variant,
        // matched to 1e-7) gives 2.220117: a 3.4e-5 relative shift that the 4.2σ tail p0_exp[0] amplifies
        // to 3.3e-4. For stored numbers we therefore compare √q0A = Z_exp[2] at rtol and each Z_exp[i]
        // to the absolute tolerance rtol·√q0A.
        if (c.variant === 'computed')
          e.p0_exp.forEach((v, i) => {
            expectRel(d.p0_exp[i] as number, v, rtol, `p0_exp[${i}]`);
          });
        else {
          const zRef = e.p0_exp.map((v) => normalIsf(v));
          expectRel(d.Z_exp[2] as number, zRef[2] as number, rtol, 'sqrt(q0A)');
          zRef.forEach((z, i) => {
            expect(Math.abs((d.Z_exp[i] as number) - z)).toBeLessThanOrEqual(rtol * (zRef[2] as number));
          });
        }
        if (Array.isArray(e.Z_exp))
          e.Z_exp.forEach((v, i) => {
            expectRel(d.Z_exp[i] as number, v, rtol, `Z_exp[${i}]`);
          });
      }
    });
  }
});

describe('HistFactory workspaces', () => {
  const hello = cases.find((c) => c.name.startsWith('hello_world')) as Case;

  it('orders channels and samples by name like pyhf and round-trips JSON', () => {
    const ws = parseWorkspace(
      (cases.find((c) => c.name === '2bin_2channel_coupledshapefactor_mu1') as Case).spec,
    );
    const model = buildModel(ws);
    expect(model.channels.map((c) => c.name)).toEqual(['control', 'signal']);
    expect(
      (model.channels[1] as { name: string; nbins: number; offset: number; samples: string[] }).samples,
    ).toEqual(['bkg1', 'signal']);
    expect(Array.from(model.observed)).toEqual([200, 300, 220, 230]);
    expect(parseWorkspace(JSON.stringify(workspaceToJson(ws)))).toEqual(ws);
  });

  it('names the JSON path of bad input', () => {
    const spec = JSON.parse(JSON.stringify(hello.spec));
    spec.channels[0].samples[1].modifiers[0].type = 'bogus';
    expect(() => parseWorkspace(spec)).toThrow(/channels\[0\]\.samples\[1\]\.modifiers\[0\]\.type/);
    const bins = JSON.parse(JSON.stringify(hello.spec));
    bins.channels[0].samples[1].data = [1, 2, 3];
    expect(() => parseWorkspace(bins)).toThrow(/channels\[0\]\.samples\[1\]\.data/);
    const neg = JSON.parse(JSON.stringify(hello.spec));
    neg.observations[0].data[1] = -1;
    expect(() => parseWorkspace(neg)).toThrow(HepInputError);
    expect(() => parseWorkspace(neg)).toThrow(/observations\[0\]\.data\[1\]/);
    expect(() => parseWorkspace('{not json')).toThrow(/not valid JSON/);
  });

  it('applies RFC 6902 patches without mutating the input', () => {
    const spec = JSON.parse(JSON.stringify(hello.spec));
    const before = JSON.stringify(spec);
    const patched = applyPatch(spec, [
      { op: 'replace', path: '/observations/0/data/0', value: 60 },
      { op: 'add', path: '/measurements/0/config/parameters/-', value: { name: 'mu', bounds: [[0, 5]] } },
    ]);
    expect(JSON.stringify(spec)).toBe(before);
    expect((patched.observations[0] as ObservationSpec).data[0]).toBe(60);
    expect(buildModel(patched).upper[buildModel(patched).poiIndex]).toBe(5);
    expect(() => applyPatch(spec, [{ op: 'remove', path: '/nope/0' }])).toThrow(/patch\[0\]\.path/);
  });

  it('fits the hello-world model with uncertainties; no NaN with zero yields', () => {
    const model = buildModel(parseWorkspace(hello.spec));
    const fit = fitModel(model, observedData(model), { uncertainties: true });
    expect(fit.status).toBe(0);
    expect(fit.edm).toBeLessThan(1e-10);
    expect(Number.isFinite(fit.twiceNll)).toBe(true);
    expect(fit.errors?.[model.poiIndex]).toBeGreaterThan(0);
    const zero = JSON.parse(JSON.stringify(hello.spec));
    zero.channels[0].samples[0].data = [0, 11];
    zero.observations[0].data = [0, 48];
    const zm = buildModel(parseWorkspace(zero));
    const zf = fitModel(zm, observedData(zm));
    expect(Array.from(zf.values).every(Number.isFinite)).toBe(true);
  });

  for (const file of [
    '1bin_histosys.json',
    '2bin_histosys_asym.json',
    '2bin_normsys_code4.json',
    '2bin_shapesys_example1.json',
    '2bin_staterror.json',
    'shapesys_nuisparfilter.json',
  ]) {
    it(`loads, fits and limits ${file}`, () => {
      const entry = fixture(`histfactory/${file}`) as Case & { poi: string };
      const model = buildModel(parseWorkspace(entry.spec), {
        modifierSettings: entry.modifier_settings,
        poi: entry.poi,
      });
      expect(fitModel(model, observedData(model)).status).toBe(0);
      const u = upperLimit(model);
      expect(u.mu_obs).toBeGreaterThan(0);
      expect(u.mu_exp[0]).toBeLessThan(u.mu_exp[4] as number);
    });
  }

  it('handles the numerically hard ATLAS 3L eRJR likelihood (shapesys τ ≈ 2e11) with a patch', () => {
    const ws = applyPatch(
      fixture('histfactory/atlas-3l-erjr_BkgOnly.json'),
      fixture('histfactory/atlas-3l-erjr_patch.ERJR_350p0_150p0.json'),
    );
    const r = hypotest(buildModel(ws), 1);
    expect(r.CLs_obs).toBeGreaterThan(0);
    expect(r.CLs_obs).toBeLessThanOrEqual(1);
    expect(r.CLs_exp.every((v) => v > 0 && v <= 1)).toBe(true);
  });
});
