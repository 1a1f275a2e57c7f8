/**
 * Building HistFactory models in code instead of JSON: channels with observed counts, samples with
 * nominal yields (events per bin) and chained modifiers, measurement parameter settings. The builder
 * writes a pyhf workspace (validated by {@link parseWorkspace}, so errors name the JSON path the same
 * way) and compiles it with {@link buildModel}, so a built model is identical to the one from the
 * equivalent JSON.
 *
 * @example
 * ```ts
 * const model = new ModelBuilder({ poi: 'mu' })
 *   .channel('singlechannel', [51, 48], (ch) => {
 *     ch.sample('signal', [12, 11]).normfactor('mu');
 *     ch.sample('background', [50, 52]).shapesys('uncorr_bkguncrt', [3, 7]);
 *   })
 *   .build();
 * ```
 *
 * @module
 */

import { buildModel, type HistFactoryModel, type ModelOptions } from './model.js';
import {
  type ChannelSpec,
  type ModifierSpec,
  type ParameterConfig,
  parseWorkspace,
  type SampleSpec,
  type WorkspaceSpec,
} from './workspace.js';

/** A sample under construction; modifier methods chain. Arrays are copied. */
export class SampleBuilder {
  readonly spec: SampleSpec;

  constructor(name: string, yields: ArrayLike<number>) {
    this.spec = { name, data: Array.from(yields), modifiers: [] };
  }

  private add(m: ModifierSpec): this {
    this.spec.modifiers.push(m);
    return this;
  }

  /** Free normalisation factor (e.g. the signal strength μ). */
  normfactor(name: string): this {
    return this.add({ name, type: 'normfactor', data: null });
  }

  /** Free factor per bin. */
  shapefactor(name: string): this {
    return this.add({ name, type: 'shapefactor', data: null });
  }

  /** Luminosity factor (its auxdata and σ go in `ModelBuilder.parameter`). */
  lumi(name: string): this {
    return this.add({ name, type: 'lumi', data: null });
  }

  /** Normalisation systematic: factors `hi` at α = +1 and `lo` at α = −1 (Gaussian constraint). */
  normsys(name: string, hi: number, lo: number): this {
    return this.add({ name, type: 'normsys', data: { hi, lo } });
  }

  /** Shape systematic: yields per bin at α = +1 and α = −1 (Gaussian constraint). */
  histosys(name: string, hiYields: ArrayLike<number>, loYields: ArrayLike<number>): this {
    return this.add({
      name,
      type: 'histosys',
      data: { hi_data: Array.from(hiYields), lo_data: Array.from(loYields) },
    });
  }

  /** Uncorrelated per-bin uncertainty (absolute, events) with a Poisson constraint. */
  shapesys(name: string, sigmas: ArrayLike<number>): this {
    return this.add({ name, type: 'shapesys', data: Array.from(sigmas) });
  }

  /** MC statistical uncertainty per bin (absolute, events), combined over samples. */
  staterror(name: string, sigmas: ArrayLike<number>): this {
    return this.add({ name, type: 'staterror', data: Array.from(sigmas) });
  }
}

/** A channel under construction. */
export class ChannelBuilder {
  readonly spec: ChannelSpec;

  constructor(name: string) {
    this.spec = { name, samples: [] };
  }

  /** Adds a sample with nominal yields (events per bin); returns it for chaining modifiers. */
  sample(name: string, yields: ArrayLike<number>): SampleBuilder {
    const s = new SampleBuilder(name, yields);
    this.spec.samples.push(s.spec);
    return s;
  }
}

/** Builds a one-measurement workspace and model. */
export class ModelBuilder {
  private readonly channels: ChannelSpec[] = [];
  private readonly observations: { name: string; data: number[] }[] = [];
  private readonly parameters: ParameterConfig[] = [];
  private readonly poi: string;
  private readonly measurement: string;

  /** @param options.poi parameter of interest; `measurement` name (default `"meas"`). */
  constructor(options: { poi: string; measurement?: string }) {
    this.poi = options.poi;
    this.measurement = options.measurement ?? 'meas';
  }

  /** Adds a channel with its observed counts; `fill` adds the samples. */
  channel(name: string, observed: ArrayLike<number>, fill: (ch: ChannelBuilder) => void): this {
    const ch = new ChannelBuilder(name);
    fill(ch);
    this.channels.push(ch.spec);
    this.observations.push({ name, data: Array.from(observed) });
    return this;
  }

  /** Measurement settings of a parameter (bounds, inits, fixed, lumi auxdata/sigmas), as pyhf. */
  parameter(name: string, config: Omit<ParameterConfig, 'name'>): this {
    this.parameters.push({ name, ...config });
    return this;
  }

  /** The pyhf workspace (validated; throws HepInputError naming the JSON path). */
  workspace(): WorkspaceSpec {
    return parseWorkspace({
      channels: this.channels,
      observations: this.observations,
      measurements: [{ name: this.measurement, config: { poi: this.poi, parameters: this.parameters } }],
      version: '1.0.0',
    });
  }

  /** The compiled model (same as `buildModel(this.workspace(), options)`). */
  build(options: ModelOptions = {}): HistFactoryModel {
    return buildModel(this.workspace(), options);
  }
}
