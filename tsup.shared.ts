/**
 * The one build configuration of every @hep/* package (ESM + CommonJS + .d.ts for Node 20);
 * each package's tsup.config.ts passes only what differs (extra entries, bundled files).
 */
import { defineConfig, type Options } from 'tsup';

export function packageBuild(overrides: Options = {}) {
  return defineConfig({
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    // import.meta.url in the CommonJS bundle (toy modules are located next to their caller).
    shims: true,
    tsconfig: 'tsconfig.json',
    ...overrides,
  });
}
