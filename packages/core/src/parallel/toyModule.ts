/**
 * Locating a toy module next to its caller, in sources (`.ts`, under vitest or tsx) and in the
 * built package (`.js` for ESM, `.cjs` for CommonJS).
 *
 * @module
 */

/**
 * The URL of the toy module `base` (a path relative to the caller, without extension) for a
 * caller whose own module URL is `callerUrl` (pass `import.meta.url`). The extension follows the
 * caller's: `.ts` from sources, `.cjs` from a CommonJS bundle, `.js` otherwise — so the toy module
 * must be a build entry of its own, emitted next to the caller's bundle.
 *
 * @example
 * ```ts
 * const module = toyModuleUrl(import.meta.url, './toyRunner');
 * ```
 */
export function toyModuleUrl(callerUrl: string, base: string): URL {
  const path = new URL(callerUrl).pathname;
  const ext = path.endsWith('.ts') ? '.ts' : path.endsWith('.cjs') ? '.cjs' : '.js';
  return new URL(`${base}${ext}`, callerUrl);
}
