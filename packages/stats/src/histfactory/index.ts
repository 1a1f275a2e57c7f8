/** HistFactory models from pyhf JSON workspaces. @module */
export { type BrazilSvgOptions, brazilBandSvg } from './brazilSvg.js';
export { ChannelBuilder, ModelBuilder, SampleBuilder } from './builder.js';
export {
  code4Coefficients,
  type HistosysCode,
  histosysDelta,
  type NormsysCode,
  normsysFactor,
} from './interpolation.js';
export {
  buildModel,
  type HistFactoryModel,
  lnGamma,
  type ModelOptions,
  type ModifierSettings,
  type ParameterSet,
} from './model.js';
export { type SampledData, sampleData } from './sample.js';
export {
  applyPatch,
  type ChannelSpec,
  type MeasurementSpec,
  type ModifierSpec,
  type ModifierType,
  type ObservationSpec,
  type ParameterConfig,
  type PatchOperation,
  parseWorkspace,
  type SampleSpec,
  type WorkspaceSpec,
  workspaceToJson,
} from './workspace.js';
