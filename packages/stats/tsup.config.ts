import { packageBuild } from '../../tsup.shared';

export default packageBuild({
  entry: { index: 'src/index.ts', toyRunner: 'src/inference/toyRunner.ts', 'cli/hep': 'src/cli/bin.ts' },
});
