/**
 * Seeded, splittable pseudo-random number generator. Every random function in graphgen takes an
 * {@link Rng} argument; there is no global or unseeded generator anywhere in the library.
 *
 * The generator is xoshiro128** (Blackman & Vigna, 2018) on four 32-bit words, seeded through
 * SplitMix32 so that nearby seeds give unrelated streams. `split()` derives an independent child
 * stream (seeded from four draws of the parent, then decorrelated by SplitMix32), which is how
 * parallel or nested consumers get their own stream without disturbing each other's.
 *
 * @module
 */

import { InputError } from './errors.js';

/** Serializable state of an {@link Rng}, for checkpoints. */
export interface RngState {
  /** The four 32-bit state words of xoshiro128** (unsigned). */
  s: [number, number, number, number];
  /** A cached second normal deviate from Box–Muller, or null. */
  spareNormal: number | null;
}

/** A seeded pseudo-random generator. Methods advance its state. */
export interface Rng {
  /** Next raw 32-bit unsigned integer. */
  nextUint32(): number;
  /** Uniform double in [0, 1) with 53 random bits. */
  uniform(): number;
  /** Uniform double in [lo, hi). */
  uniformIn(lo: number, hi: number): number;
  /** Uniform integer in [lo, hi) (unbiased, by rejection). `hi - lo` must be in 1..2^32. */
  int(lo: number, hi: number): number;
  /** Standard normal deviate (Box–Muller), scaled: `mean + std * z`. @default mean 0, std 1 */
  normal(mean?: number, std?: number): number;
  /** True with probability `p`. */
  bernoulli(p: number): boolean;
  /** Index `i` drawn with probability `weights[i] / sum(weights)`. Weights must be finite, >= 0, not all 0. */
  categorical(weights: ArrayLike<number>): number;
  /** A uniformly random permutation of `0..n-1` (Fisher–Yates). */
  permutation(n: number): Int32Array;
  /** A shuffled copy of `items`; the input is not modified. */
  shuffled<T>(items: readonly T[]): T[];
  /** Fills `out` with uniform doubles in [0, 1) and returns it. */
  fillUniform(out: Float64Array | Float32Array): Float64Array | Float32Array;
  /** Fills `out` with standard normal deviates and returns it. */
  fillNormal(out: Float64Array | Float32Array): Float64Array | Float32Array;
  /** A non-negative 31-bit integer, for seeding other libraries' generators (tfjs ops). */
  seedInt(): number;
  /** An independent child generator; the parent advances by four draws. */
  split(): Rng;
  /** Copy of the current state. */
  getState(): RngState;
  /** Restores a state obtained from {@link Rng.getState}. */
  setState(state: RngState): void;
}

function splitmix32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x9e3779b9) >>> 0;
    let z = a;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

function hashSeed(seed: number | string): number {
  if (typeof seed === 'string') {
    // FNV-1a over UTF-16 code units.
    let h = 0x811c9dc5;
    for (let i = 0; i < seed.length; i++) {
      h ^= seed.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h;
  }
  if (!Number.isSafeInteger(seed)) {
    throw InputError.invalid('seed', 'a safe integer or a string', String(seed));
  }
  // Fold the high bits in so that seeds above 2^32 are distinct.
  const hi = Math.floor(seed / 4294967296);
  return ((seed >>> 0) ^ Math.imul(hi >>> 0, 0x9e3779b1)) >>> 0;
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

class Xoshiro128 implements Rng {
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;
  private spare: number | null = null;

  constructor(words: [number, number, number, number]) {
    [this.s0, this.s1, this.s2, this.s3] = words.map((w) => w >>> 0) as [number, number, number, number];
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1; // all-zero state is a fixed point
  }

  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (this.s1 << 9) >>> 0;
    this.s2 = (this.s2 ^ this.s0) >>> 0;
    this.s3 = (this.s3 ^ this.s1) >>> 0;
    this.s1 = (this.s1 ^ this.s2) >>> 0;
    this.s0 = (this.s0 ^ this.s3) >>> 0;
    this.s2 = (this.s2 ^ t) >>> 0;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  uniform(): number {
    const hi = this.nextUint32() >>> 5; // 27 bits
    const lo = this.nextUint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  uniformIn(lo: number, hi: number): number {
    if (!Number.isFinite(lo) || !Number.isFinite(hi) || !(hi >= lo)) {
      throw InputError.invalid('uniformIn(lo, hi)', 'finite lo <= hi', `lo=${lo}, hi=${hi}`);
    }
    return lo + (hi - lo) * this.uniform();
  }

  int(lo: number, hi: number): number {
    const range = hi - lo;
    if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi) || range < 1 || range > 4294967296) {
      throw InputError.invalid('int(lo, hi)', 'integers with 1 <= hi - lo <= 2^32', `lo=${lo}, hi=${hi}`);
    }
    if (range === 4294967296) return lo + this.nextUint32();
    const limit = 4294967296 - (4294967296 % range);
    let x = this.nextUint32();
    while (x >= limit) x = this.nextUint32();
    return lo + (x % range);
  }

  normal(mean = 0, std = 1): number {
    if (this.spare !== null) {
      const z = this.spare;
      this.spare = null;
      return mean + std * z;
    }
    let u = this.uniform();
    while (u === 0) u = this.uniform();
    const v = this.uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    return mean + std * r * Math.cos(2 * Math.PI * v);
  }

  bernoulli(p: number): boolean {
    if (!(p >= 0 && p <= 1)) throw InputError.invalid('p', 'a probability in [0, 1]', String(p));
    return this.uniform() < p;
  }

  categorical(weights: ArrayLike<number>): number {
    let total = 0;
    for (let i = 0; i < weights.length; i++) {
      const w = weights[i];
      if (!(w >= 0) || !Number.isFinite(w)) {
        throw InputError.invalid(`weights[${i}]`, 'a finite non-negative number', String(w));
      }
      total += w;
    }
    if (!(total > 0)) throw InputError.invalid('weights', 'at least one positive weight', `sum ${total}`);
    const target = this.uniform() * total;
    let acc = 0;
    let last = -1;
    for (let i = 0; i < weights.length; i++) {
      if (weights[i] > 0) {
        acc += weights[i];
        last = i;
        if (target < acc) return i;
      }
    }
    return last; // rounding: target landed on the total
  }

  permutation(n: number): Int32Array {
    if (!Number.isInteger(n) || n < 0) throw InputError.invalid('n', 'a non-negative integer', String(n));
    const p = new Int32Array(n);
    for (let i = 0; i < n; i++) p[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const j = this.int(0, i + 1);
      const t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  shuffled<T>(items: readonly T[]): T[] {
    const perm = this.permutation(items.length);
    return Array.from(perm, (i) => items[i]);
  }

  fillUniform(out: Float64Array | Float32Array): Float64Array | Float32Array {
    for (let i = 0; i < out.length; i++) out[i] = this.uniform();
    return out;
  }

  fillNormal(out: Float64Array | Float32Array): Float64Array | Float32Array {
    for (let i = 0; i < out.length; i++) out[i] = this.normal();
    return out;
  }

  seedInt(): number {
    return this.nextUint32() >>> 1;
  }

  split(): Rng {
    const mix = splitmix32(this.nextUint32() ^ 0x6a09e667);
    const words: [number, number, number, number] = [
      (this.nextUint32() ^ mix()) >>> 0,
      (this.nextUint32() ^ mix()) >>> 0,
      (this.nextUint32() ^ mix()) >>> 0,
      mix(),
    ];
    return new Xoshiro128(words);
  }

  getState(): RngState {
    return { s: [this.s0, this.s1, this.s2, this.s3], spareNormal: this.spare };
  }

  setState(state: RngState): void {
    if (!state || !Array.isArray(state.s) || state.s.length !== 4 || !state.s.every((w) => Number.isInteger(w) && w >= 0 && w < 4294967296)) {
      throw InputError.invalid('state.s', 'four unsigned 32-bit integers', JSON.stringify(state?.s));
    }
    if ((state.s[0] | state.s[1] | state.s[2] | state.s[3]) === 0) {
      throw InputError.invalid('state.s', 'a state that is not all zeros', '[0, 0, 0, 0]');
    }
    [this.s0, this.s1, this.s2, this.s3] = state.s;
    this.spare = state.spareNormal ?? null;
  }
}

/**
 * Creates a seeded generator. The same seed always gives the same stream, on every platform.
 *
 * @param seed - a safe integer or a string (hashed with FNV-1a)
 * @returns a new {@link Rng}
 * @throws {@link InputError} when the seed is not a safe integer or a string
 *
 * @example
 * ```ts
 * const rng = createRng(42);
 * const perm = rng.permutation(10);
 * const child = rng.split(); // independent stream for a sub-task
 * ```
 */
export function createRng(seed: number | string): Rng {
  const mix = splitmix32(hashSeed(seed));
  return new Xoshiro128([mix(), mix(), mix(), mix()]);
}

/** Restores a generator from a saved {@link RngState} (e.g. from a checkpoint). */
export function rngFromState(state: RngState): Rng {
  const rng = new Xoshiro128([1, 0, 0, 0]);
  rng.setState(state);
  return rng;
}
