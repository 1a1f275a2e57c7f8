import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  tsconfig: 'tsconfig.json',
  // tfjs-core ships its gradient registrations only as extension-less ESM files that Node cannot
  // load: bundle them (they register into tfjs-core's global registry).
  noExternal: [/tfjs-core\/dist\/register_all_gradients/],
});
