import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatedModule, watFiles } from './build-wasm.js';

describe('generated WebAssembly modules', () => {
  it('every committed .wasm.ts is what `pnpm wasm` makes from its .wat', async () => {
    for (const wat of watFiles()) {
      const committed = readFileSync(wat.replace(/\.wat$/, '.wasm.ts'), 'utf8');
      expect(committed, wat).toBe(await generatedModule(wat));
    }
  });
});
