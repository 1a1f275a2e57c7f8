/**
 * Numeric kernels on plain components (GeV, radians). The scalar and columnar public functions
 * both call these, so the two paths cannot drift apart. Conventions follow scikit-hep `vector`
 * (and ROOT's TLorentzVector where `vector` follows it).
 *
 * @module
 */

const TWO_PI = 2 * Math.PI;

/** Wraps an angle into [−π, π) (radians): x − 2π·floor((x + π)/2π). */
export function wrapPhi(x: number): number {
  const w = x - TWO_PI * Math.floor((x + Math.PI) / TWO_PI);
  // Rounding can land exactly on +π; the interval is half-open.
  return w >= Math.PI ? w - TWO_PI : w;
}

/** Transverse momentum √(px² + py²) (GeV). */
export function ptOf(px: number, py: number): number {
  return Math.hypot(px, py);
}

/** Pseudorapidity η = asinh(pz/pT); ±∞ for pT = 0 (as `vector`), stable at large |η|. */
export function etaOf(px: number, py: number, pz: number): number {
  const pt = Math.hypot(px, py);
  if (pt === 0) return pz === 0 ? 0 : pz > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  return Math.asinh(pz / pt);
}

/** Azimuth atan2(py, px) wrapped to [−π, π) (radians). */
export function phiOf(px: number, py: number): number {
  return wrapPhi(Math.atan2(py, px));
}

/** Rapidity y = ½ ln((E + pz)/(E − pz)); ±∞ when E = |pz|. */
export function rapidityOf(pz: number, E: number): number {
  return 0.5 * Math.log((E + pz) / (E - pz));
}

/** Invariant mass squared E² − |p|² (GeV²), negative for space-like vectors. */
export function mass2Of(px: number, py: number, pz: number, E: number): number {
  return (E - pz) * (E + pz) - px * px - py * py;
}

/** Signed square root copysign(√|x|, x), the ROOT/`vector` convention for space-like masses. */
export function signedSqrt(x: number): number {
  return x < 0 ? -Math.sqrt(-x) : Math.sqrt(x);
}
