import { packageBuild } from '../../tsup.shared';

// toyRunner is its own entry: the worker pool loads dist/toyRunner.js next to the bundle.
export default packageBuild({
  entry: { index: 'src/index.ts', toyRunner: 'src/toyRunner.ts', 'cli/nplm': 'src/cli/bin.ts' },
});
