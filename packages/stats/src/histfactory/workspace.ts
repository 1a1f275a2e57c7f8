/**
 * pyhf JSON workspaces (schema `workspace.json` v1.0.0): parsing with validation errors that name
 * the JSON path, RFC 6902 patches (add/replace/remove, as used by HEPData signal patch files), and
 * writing back to plain JSON. The spec keeps the file's order (patch paths index into it); the
model built from it orders channels and samples by name, as pyhf does.
 *
 * @module
 */

import { HepInputError } from '@hep/core';

/** The modifier types of HistFactory/pyhf. */
export type ModifierType =
  | 'normfactor'
  | 'shapefactor'
  | 'lumi'
  | 'normsys'
  | 'histosys'
  | 'shapesys'
  | 'staterror';

/** One modifier of a sample; `data` depends on `type` (see pyhf's `defs.json`). */
export type ModifierSpec =
  | { name: string; type: 'normfactor' | 'shapefactor' | 'lumi'; data: null }
  | { name: string; type: 'normsys'; data: { hi: number; lo: number } }
  | { name: string; type: 'histosys'; data: { hi_data: number[]; lo_data: number[] } }
  | { name: string; type: 'shapesys' | 'staterror'; data: number[] };

/** A sample: nominal expected yields per bin (events) and its modifiers. */
export interface SampleSpec {
  name: string;
  data: number[];
  modifiers: ModifierSpec[];
}

/** A channel (region) with its samples. */
export interface ChannelSpec {
  name: string;
  samples: SampleSpec[];
}

/** Observed counts of one channel. */
export interface ObservationSpec {
  name: string;
  data: number[];
}

/** Per-parameter settings of a measurement (all optional, as in pyhf). */
export interface ParameterConfig {
  name: string;
  bounds?: [number, number][];
  inits?: number[];
  fixed?: boolean;
  auxdata?: number[];
  sigmas?: number[];
}

/** A measurement: the parameter of interest and parameter settings. */
export interface MeasurementSpec {
  name: string;
  config: { poi: string; parameters: ParameterConfig[] };
}

/** A whole pyhf workspace. */
export interface WorkspaceSpec {
  channels: ChannelSpec[];
  observations: ObservationSpec[];
  measurements: MeasurementSpec[];
  version: string;
}

const MODIFIER_TYPES = new Set<string>([
  'normfactor',
  'shapefactor',
  'lumi',
  'normsys',
  'histosys',
  'shapesys',
  'staterror',
]);

function fail(path: string, problem: string): never {
  throw new HepInputError(path, problem);
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function readString(x: unknown, path: string): string {
  if (typeof x !== 'string' || x.length === 0) fail(path, 'must be a non-empty string');
  return x;
}

function readNumbers(x: unknown, path: string, nbins: number | null, nonNegative: boolean): number[] {
  if (!Array.isArray(x)) fail(path, 'must be an array of numbers');
  if (nbins !== null && x.length !== nbins)
    fail(path, `has ${x.length} bins, expected ${nbins} (the sample's bin count)`);
  return x.map((v, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) fail(`${path}[${i}]`, 'must be a finite number');
    if (nonNegative && v < 0) fail(`${path}[${i}]`, `must be ≥ 0, got ${v}`);
    return v;
  });
}

function readModifier(x: unknown, path: string, nbins: number): ModifierSpec {
  if (!isObject(x)) fail(path, 'must be an object');
  const name = readString(x.name, `${path}.name`);
  const type = x.type;
  if (typeof type !== 'string' || !MODIFIER_TYPES.has(type))
    fail(`${path}.type`, `unknown modifier type ${JSON.stringify(type)}`);
  const d = x.data;
  switch (type) {
    case 'normfactor':
    case 'shapefactor':
    case 'lumi':
      if (d !== null && d !== undefined) fail(`${path}.data`, `must be null for ${type}`);
      return { name, type, data: null };
    case 'normsys': {
      if (!isObject(d)) fail(`${path}.data`, 'must be an object {hi, lo}');
      const hi = d.hi;
      const lo = d.lo;
      if (typeof hi !== 'number' || !Number.isFinite(hi)) fail(`${path}.data.hi`, 'must be a finite number');
      if (typeof lo !== 'number' || !Number.isFinite(lo)) fail(`${path}.data.lo`, 'must be a finite number');
      return { name, type, data: { hi, lo } };
    }
    case 'histosys': {
      if (!isObject(d)) fail(`${path}.data`, 'must be an object {hi_data, lo_data}');
      return {
        name,
        type,
        data: {
          hi_data: readNumbers(d.hi_data, `${path}.data.hi_data`, nbins, false),
          lo_data: readNumbers(d.lo_data, `${path}.data.lo_data`, nbins, false),
        },
      };
    }
    default:
      return {
        name,
        type: type as 'shapesys' | 'staterror',
        data: readNumbers(d, `${path}.data`, nbins, false),
      };
  }
}

function readParameterConfig(x: unknown, path: string): ParameterConfig {
  if (!isObject(x)) fail(path, 'must be an object');
  const out: ParameterConfig = { name: readString(x.name, `${path}.name`) };
  if (x.bounds !== undefined) {
    if (!Array.isArray(x.bounds)) fail(`${path}.bounds`, 'must be an array of [lo, hi] pairs');
    out.bounds = x.bounds.map((b, i) => {
      const pair = readNumbers(b, `${path}.bounds[${i}]`, 2, false);
      if (!((pair[0] as number) <= (pair[1] as number)))
        fail(`${path}.bounds[${i}]`, 'lower bound exceeds upper bound');
      return [pair[0], pair[1]] as [number, number];
    });
  }
  if (x.inits !== undefined) out.inits = readNumbers(x.inits, `${path}.inits`, null, false);
  if (x.auxdata !== undefined) out.auxdata = readNumbers(x.auxdata, `${path}.auxdata`, null, false);
  if (x.sigmas !== undefined) out.sigmas = readNumbers(x.sigmas, `${path}.sigmas`, null, false);
  if (x.fixed !== undefined) {
    if (typeof x.fixed !== 'boolean') fail(`${path}.fixed`, 'must be a boolean');
    out.fixed = x.fixed;
  }
  return out;
}

/**
 * Validates a parsed pyhf workspace object (or JSON text) and returns a validated deep copy in the
 * file's order. Throws `HepInputError` whose argument is the JSON path of
 * the offending value, e.g. `channels[0].samples[1].modifiers[2].data.hi_data`.
 */
export function parseWorkspace(input: unknown): WorkspaceSpec {
  let x = input;
  if (typeof x === 'string') {
    try {
      x = JSON.parse(x);
    } catch (e) {
      fail('workspace', `is not valid JSON: ${(e as Error).message}`);
    }
  }
  if (!isObject(x)) fail('workspace', 'must be a JSON object');
  if (!Array.isArray(x.channels) || x.channels.length === 0) fail('channels', 'must be a non-empty array');
  const channels: ChannelSpec[] = x.channels.map((c, ci) => {
    const cp = `channels[${ci}]`;
    if (!isObject(c)) fail(cp, 'must be an object');
    const name = readString(c.name, `${cp}.name`);
    if (!Array.isArray(c.samples) || c.samples.length === 0)
      fail(`${cp}.samples`, 'must be a non-empty array');
    let nbins = -1;
    const samples = c.samples.map((s, si) => {
      const sp = `${cp}.samples[${si}]`;
      if (!isObject(s)) fail(sp, 'must be an object');
      const sname = readString(s.name, `${sp}.name`);
      const data = readNumbers(s.data, `${sp}.data`, nbins < 0 ? null : nbins, false);
      if (data.length === 0) fail(`${sp}.data`, 'must have at least one bin');
      nbins = data.length;
      if (!Array.isArray(s.modifiers)) fail(`${sp}.modifiers`, 'must be an array');
      const modifiers = s.modifiers.map((m, mi) => readModifier(m, `${sp}.modifiers[${mi}]`, nbins));
      return { name: sname, data, modifiers };
    });
    return { name, samples };
  });
  const seen = new Set<string>();
  channels.forEach((c, i) => {
    if (seen.has(c.name)) fail(`channels[${i}].name`, `duplicate channel name ${c.name}`);
    seen.add(c.name);
  });
  if (!Array.isArray(x.observations)) fail('observations', 'must be an array');
  const observations = x.observations.map((o, oi) => {
    const op = `observations[${oi}]`;
    if (!isObject(o)) fail(op, 'must be an object');
    const name = readString(o.name, `${op}.name`);
    const ch = channels.find((c) => c.name === name);
    if (ch === undefined) fail(`${op}.name`, `no channel named ${name}`);
    return {
      name,
      data: readNumbers(o.data, `${op}.data`, (ch.samples[0] as SampleSpec).data.length, true),
    };
  });
  for (const c of channels)
    if (!observations.some((o) => o.name === c.name)) fail('observations', `missing channel ${c.name}`);
  if (!Array.isArray(x.measurements) || x.measurements.length === 0)
    fail('measurements', 'must be a non-empty array');
  const measurements = x.measurements.map((m, mi) => {
    const mp = `measurements[${mi}]`;
    if (!isObject(m)) fail(mp, 'must be an object');
    const name = readString(m.name, `${mp}.name`);
    if (!isObject(m.config)) fail(`${mp}.config`, 'must be an object');
    const poi = readString(m.config.poi, `${mp}.config.poi`);
    const pars = m.config.parameters ?? [];
    if (!Array.isArray(pars)) fail(`${mp}.config.parameters`, 'must be an array');
    return {
      name,
      config: {
        poi,
        parameters: pars.map((p, pi) => readParameterConfig(p, `${mp}.config.parameters[${pi}]`)),
      },
    };
  });
  const version = typeof x.version === 'string' ? x.version : '1.0.0';
  return { channels, observations, measurements, version };
}

/** Plain JSON object of a workspace (what `JSON.stringify` writes; round-trips through `parseWorkspace`). */
export function workspaceToJson(ws: WorkspaceSpec): WorkspaceSpec {
  return JSON.parse(JSON.stringify(ws)) as WorkspaceSpec;
}

/** One RFC 6902 operation (the subset pyhf patch files use). */
export interface PatchOperation {
  op: 'add' | 'replace' | 'remove';
  path: string;
  value?: unknown;
}

function unescapeToken(t: string): string {
  return t.replace(/~1/g, '/').replace(/~0/g, '~');
}

/**
 * Applies RFC 6902 `add`/`replace`/`remove` operations to a deep copy of `doc` (never mutates it).
 * Accepts a bare operation list, a pyhf patch `{metadata, patch: [...]}`, or a patchset's patch entry.
 * The result is re-validated with {@link parseWorkspace}.
 */
export function applyPatch(doc: unknown, patch: unknown): WorkspaceSpec {
  const ops = Array.isArray(patch)
    ? patch
    : isObject(patch) && Array.isArray(patch.patch)
      ? patch.patch
      : null;
  if (ops === null) fail('patch', 'must be an array of operations or an object with a "patch" array');
  const root: unknown = JSON.parse(JSON.stringify(doc));
  ops.forEach((o, i) => {
    const p = `patch[${i}]`;
    if (!isObject(o)) fail(p, 'must be an object');
    const op = o.op;
    if (op !== 'add' && op !== 'replace' && op !== 'remove')
      fail(`${p}.op`, `unsupported op ${JSON.stringify(op)}`);
    if (typeof o.path !== 'string' || !o.path.startsWith('/')) fail(`${p}.path`, 'must be a JSON pointer');
    const tokens = o.path.slice(1).split('/').map(unescapeToken);
    let parent: unknown = root;
    for (const t of tokens.slice(0, -1)) {
      parent = Array.isArray(parent) ? parent[Number(t)] : isObject(parent) ? parent[t] : undefined;
      if (parent === undefined) fail(`${p}.path`, `path ${o.path} does not exist`);
    }
    const last = tokens[tokens.length - 1] as string;
    const value = JSON.parse(JSON.stringify(o.value ?? null));
    if (Array.isArray(parent)) {
      const idx = last === '-' ? parent.length : Number(last);
      if (!Number.isInteger(idx) || idx < 0 || idx > parent.length)
        fail(`${p}.path`, `bad array index ${last}`);
      if (op === 'add') parent.splice(idx, 0, value);
      else if (idx >= parent.length) fail(`${p}.path`, `path ${o.path} does not exist`);
      else if (op === 'replace') parent[idx] = value;
      else parent.splice(idx, 1);
    } else if (isObject(parent)) {
      if (op !== 'add' && !(last in parent)) fail(`${p}.path`, `path ${o.path} does not exist`);
      if (op === 'remove') delete parent[last];
      else parent[last] = value;
    } else fail(`${p}.path`, `path ${o.path} does not exist`);
  });
  return parseWorkspace(root);
}
