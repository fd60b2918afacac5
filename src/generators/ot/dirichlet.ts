import type { Rng } from '../../core/rng.js';

/**
 * A draw from the Dirichlet distribution with parameters `alpha` (all > 0) on the simplex, by
 * normalised Gamma(alpha_k, 1) variates (Marsaglia–Tsang squeeze, with the `U^(1/a)` boost for
 * a < 1). Used to sample mixture weights of barycenters and dictionary atoms.
 *
 * @param alpha - K positive concentrations
 * @param rng - random generator
 * @returns K weights summing to 1
 *
 * @example
 * ```ts
 * dirichlet([1, 1, 1], createRng(0)); // uniform on the 2-simplex
 * ```
 * @internal
 */
export function dirichlet(alpha: ArrayLike<number>, rng: Rng): Float64Array {
  const w = Float64Array.from({ length: alpha.length }, (_, k) => gamma(alpha[k], rng));
  let s = 0;
  for (const x of w) s += x;
  if (!(s > 0)) return w.fill(1 / w.length);
  for (let k = 0; k < w.length; k++) w[k] /= s;
  return w;
}

function gamma(a: number, rng: Rng): number {
  if (a < 1) return gamma(a + 1, rng) * Math.pow(rng.uniform() || Number.MIN_VALUE, 1 / a);
  const d = a - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = rng.normal();
    const v = (1 + c * z) ** 3;
    if (v <= 0) continue;
    if (Math.log(rng.uniform() || Number.MIN_VALUE) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
  }
}
