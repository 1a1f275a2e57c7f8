import { packageBuild } from '../../tsup.shared';

export default packageBuild({
  // tfjs-core ships its gradient configs only as extension-less ESM files that plain Node cannot
  // load: bundle them (src/nn/gradients.ts registers them into tfjs-core's global registry).
  noExternal: [/tfjs-core\/dist\/gradients\//],
});
