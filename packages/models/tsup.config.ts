import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  // import.meta.url (engine.ts locates the wasm binaries) in the CommonJS build
  shims: true,
  target: 'node20',
  tsconfig: 'tsconfig.json',
  // tfjs-core ships its gradient configs only as extension-less ESM files that plain Node cannot
  // load: bundle them (src/nn/gradients.ts registers them into tfjs-core's global registry).
  noExternal: [/tfjs-core\/dist\/gradients\//],
});
