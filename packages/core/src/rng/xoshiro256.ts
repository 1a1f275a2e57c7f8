/**
 * xoshiro256** (Blackman & Vigna 2018, https://prng.di.unimi.it/) on 32-bit halves, so that it
 * runs at full speed in JavaScript without BigInt and gives identical bits on every platform.
 *
 * @module
 */

/** The raw generator: 64-bit outputs as (hi, lo) pairs and uniform doubles in [0, 1). */
export class Xoshiro256 {
  // s0..s3 as hi/lo 32-bit words
  private a0: number;
  private a1: number;
  private b0: number;
  private b1: number;
  private c0: number;
  private c1: number;
  private d0: number;
  private d1: number;
  /** Low word of the last output of {@link next64}. */
  lo = 0;

  /** @param state eight 32-bit words (see `expandKey`); must not be all zero. */
  constructor(state: Uint32Array) {
    this.a0 = state[0]!;
    this.a1 = state[1]!;
    this.b0 = state[2]!;
    this.b1 = state[3]!;
    this.c0 = state[4]!;
    this.c1 = state[5]!;
    this.d0 = state[6]!;
    this.d1 = state[7]!;
  }

  /** Advances the state; returns the high 32 bits of the 64-bit output (low bits in `this.lo`). */
  next64(): number {
    const sh = this.b0 >>> 0;
    const sl = this.b1 >>> 0;
    // r = rotl(s1 * 5, 7) * 9
    let p = sl * 5;
    let ml = p >>> 0;
    let mh = (sh * 5 + Math.floor(p / 4294967296)) >>> 0;
    const rh = ((mh << 7) | (ml >>> 25)) >>> 0;
    const rl = ((ml << 7) | (mh >>> 25)) >>> 0;
    p = rl * 9;
    ml = p >>> 0;
    mh = (rh * 9 + Math.floor(p / 4294967296)) >>> 0;
    // t = s1 << 17
    const th = (sh << 17) | (sl >>> 15);
    const tl = sl << 17;
    // s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = rotl(s3, 45)
    this.c0 ^= this.a0;
    this.c1 ^= this.a1;
    this.d0 ^= sh;
    this.d1 ^= sl;
    this.b0 = sh ^ this.c0;
    this.b1 = sl ^ this.c1;
    this.a0 ^= this.d0;
    this.a1 ^= this.d1;
    this.c0 ^= th;
    this.c1 ^= tl;
    const dh = this.d0;
    const dl = this.d1;
    this.d0 = (dl << 13) | (dh >>> 19);
    this.d1 = (dh << 13) | (dl >>> 19);
    this.lo = ml;
    return mh;
  }

  /** Uniform double in [0, 1) from the top 53 bits of the next output. */
  nextDouble(): number {
    const hi = this.next64();
    return (hi * 2097152 + (this.lo >>> 11)) * 1.1102230246251565e-16;
  }
}
