import type { CategoricalTransition } from '../common/CategoricalTransition.js';

/**
 * The reverse step of a discrete diffusion marginalised over the predicted clean class
 * (Austin et al. 2021, D3PM; Vignac et al. 2023, DiGress, eq. 4):
 *
 * `p(z_s = i | z_t = j) = Σ_{x0} p̂(x0 | z_t) q(z_s = i | z_t = j, x0)`, with
 * `q(z_s | z_t, x0) = Q_{t|s}[z_s][z_t] Q̄_s[x0][z_s] / Q̄_t[x0][z_t]` (Bayes' rule on the
 * forward chain `x0 → z_s → z_t`), `Q̄_s = Q̄(ā_s)`, `Q̄_t = Q̄(ā_t)` and the step
 * `Q_{t|s} = Q̄(ā_t / ā_s)`.
 *
 * Clean classes with `Q̄_t[x0][z_t] = 0` (impossible under the forward process, e.g. with an
 * absorbing limit) are skipped; when the prediction puts all its mass on such classes the
 * state stays where it is.
 *
 * @param transition - the transition model of this part (K classes)
 * @param pred - `p̂(x0 | z_t)` `[K]` (need not be normalised)
 * @param current - `z_t`
 * @param alphaBarT - `ā_t` (noisier time)
 * @param alphaBarS - `ā_s ≥ ā_t` (cleaner time)
 * @param out - output `[K]`, a probability vector
 * @returns `out`
 *
 * @example
 * ```ts
 * const tr = CategoricalTransition.marginal([0.8, 0.2]);
 * diffusionPosterior(tr, Float64Array.of(0.1, 0.9), 0, 0.3, 0.6, new Float64Array(2));
 * ```
 */
export function diffusionPosterior(
  transition: CategoricalTransition,
  pred: ArrayLike<number>,
  current: number,
  alphaBarT: number,
  alphaBarS: number,
  out: Float64Array,
): Float64Array {
  const K = transition.classes;
  const step = alphaBarS > 0 ? Math.min(1, alphaBarT / alphaBarS) : 0;
  out.fill(0);
  let total = 0;
  for (let x0 = 0; x0 < K; x0++) {
    const w = pred[x0];
    if (!(w > 0)) continue;
    const denom = transition.entry(alphaBarT, x0, current);
    if (!(denom > 0)) continue;
    for (let i = 0; i < K; i++) {
      const v = (w * transition.entry(step, i, current) * transition.entry(alphaBarS, x0, i)) / denom;
      out[i] += v;
      total += v;
    }
  }
  if (!(total > 0)) {
    out.fill(0);
    out[current] = 1;
    return out;
  }
  for (let i = 0; i < K; i++) out[i] /= total;
  return out;
}
