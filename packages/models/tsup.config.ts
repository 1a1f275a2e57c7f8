import { packageBuild } from '../../tsup.shared';

export default packageBuild({
  // tfjs-core ships its gradient registrations only as extension-less ESM files that Node cannot
  // load: bundle them (they register into tfjs-core's global registry).
  noExternal: [/tfjs-core\/dist\/register_all_gradients/],
});
