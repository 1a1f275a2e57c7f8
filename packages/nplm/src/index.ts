/**
 * @packageDocumentation
 */
import type { ReproductionSuite } from '@hep/core';

/** Reproduction suites this package registers with `pnpm reproduce`. */
export const reproductionSuites: readonly ReproductionSuite[] = [];
