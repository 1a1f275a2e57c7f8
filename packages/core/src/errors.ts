/**
 * Typed errors thrown at the public boundary of every hep-ts package.
 *
 * Convention: invalid caller input throws {@link HepInputError} naming the argument and, for
 * arrays, the offending index; a numerical procedure that cannot proceed throws
 * {@link HepNumericalError}. Fits that merely fail to converge do NOT throw: they report a status.
 *
 * @module
 */

/** Base class of every error thrown by hep-ts. */
export class HepError extends Error {
  override name = 'HepError';
}

/**
 * Invalid input passed to a public function: wrong length, NaN/Infinity, negative counts,
 * empty samples, unphysical four-vectors, malformed JSON.
 *
 * @example
 * ```ts
 * try { visibleMass(a, b) } catch (e) {
 *   if (e instanceof HepInputError) console.log(e.argument, e.index);
 * }
 * ```
 */
export class HepInputError extends HepError {
  override name = 'HepInputError';
  /** Name of the offending argument, or a path into it (`"data.px"`, `"channels[0].samples[1]"`). */
  readonly argument: string;
  /** Index of the first offending element, when the argument is an array. */
  readonly index: number | undefined;

  constructor(argument: string, problem: string, index?: number) {
    super(`${argument}${index === undefined ? '' : `[${index}]`}: ${problem}`);
    this.argument = argument;
    this.index = index;
  }
}

/** A numerical routine met a state it cannot handle (e.g. no bracket for a root). */
export class HepNumericalError extends HepError {
  override name = 'HepNumericalError';
}
