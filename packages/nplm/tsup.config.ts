import { packageBuild } from '../../tsup.shared';

// toyRunner is its own entry: the worker pool loads dist/toyRunner.js next to the bundle (so the
// CLI entry must sit in dist/ too, not in a subfolder).
export default packageBuild({
  entry: { index: 'src/index.ts', toyRunner: 'src/toyRunner.ts', 'nplm-cli': 'src/cli/bin.ts' },
});
