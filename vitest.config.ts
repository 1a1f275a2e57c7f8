import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const pkg = (name: string) => fileURLToPath(new URL(`./packages/${name}/src/index.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      '@hep/core': pkg('core'),
      '@hep/kinematics': pkg('kinematics'),
      '@hep/stats': pkg('stats'),
      '@hep/models': pkg('models'),
      '@hep/nplm': pkg('nplm'),
    },
  },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'bench/**/*.test.ts', 'scripts/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'forks',
  },
});
