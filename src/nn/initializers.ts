import type { Rng } from '../core/rng.js';

/** Weight initialisation schemes. */
export type Initializer = 'glorotUniform' | 'heNormal' | 'zeros' | 'ones';

/**
 * Draws `fanIn * fanOut` (or `size`) float32 values from `rng` for a weight initialiser:
 *
 * - `glorotUniform`: `U(-a, a)`, `a = sqrt(6 / (fanIn + fanOut))` (Glorot & Bengio 2010);
 * - `heNormal`: `N(0, 2 / fanIn)` (He et al. 2015);
 * - `zeros`, `ones`: constants (no draw).
 *
 * Values come from the explicit generator only, so the same seed gives the same weights on
 * every backend.
 *
 * @param kind - the scheme
 * @param size - number of values
 * @param fanIn - input width
 * @param fanOut - output width
 * @param rng - the generator
 * @returns a new `Float32Array` of length `size`
 *
 * @example
 * ```ts
 * const w = initValues('glorotUniform', 16 * 8, 16, 8, createRng(0));
 * ```
 */
export function initValues(kind: Initializer, size: number, fanIn: number, fanOut: number, rng: Rng): Float32Array {
  const out = new Float32Array(size);
  switch (kind) {
    case 'zeros':
      break;
    case 'ones':
      out.fill(1);
      break;
    case 'glorotUniform': {
      const a = Math.sqrt(6 / Math.max(1, fanIn + fanOut));
      for (let i = 0; i < size; i++) out[i] = (2 * rng.uniform() - 1) * a;
      break;
    }
    case 'heNormal': {
      const s = Math.sqrt(2 / Math.max(1, fanIn));
      for (let i = 0; i < size; i++) out[i] = rng.normal() * s;
      break;
    }
  }
  return out;
}
