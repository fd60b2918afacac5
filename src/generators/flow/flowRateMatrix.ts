/** Options of {@link flowRateMatrix}. */
export interface FlowRateOptions {
  /** Stochasticity η ≥ 0: weight of the detailed-balance rate `R^DB`. @default 0 */
  eta?: number;
  /** Target guidance ω ≥ 0: extra rate towards the predicted clean class. @default 0 */
  omega?: number;
}

/**
 * Row `z_t` of DeFoG's CTMC rate matrix (Qin et al. 2025; Campbell et al. 2024, discrete flow
 * models) for the linear interpolation `p_t(z | x1) = t δ(z, x1) + (1 − t) p0(z)` between a
 * prior `p0` (t = 0) and the data (t = 1), marginalised over the predicted clean class:
 *
 * `R_t(z_t, z) = Σ_{x1} p̂(x1 | z_t) [R*_t(z_t, z | x1) + η R^DB_t(z_t, z | x1) + R^ω_t(z_t, z | x1)]`, z ≠ z_t,
 *
 * - `R*_t(z_t, z | x1) = ReLU(∂_t p_t(z|x1) − ∂_t p_t(z_t|x1)) / (Z_t p_t(z_t|x1))`, with
 *   `∂_t p_t(z|x1) = δ(z, x1) − p0(z)` and `Z_t = |{z : p_t(z|x1) > 0}|`: the minimal rate
 *   whose Kolmogorov forward equation `∂_t p_t = p_tᵀ R_t` generates the interpolation;
 * - `R^DB_t(z_t, z | x1) = p_t(z | x1)`: satisfies detailed balance
 *   `p_t(z_t) R^DB(z_t, z) = p_t(z) R^DB(z, z_t)`, so adding any multiple keeps the Kolmogorov
 *   equation (more jumps back and forth: stochasticity η);
 * - `R^ω_t(z_t, z | x1) = ω δ(z, x1) / (Z_t p_t(z_t|x1))` for `z_t ≠ x1`: target guidance, a
 *   push towards the prediction that breaks the Kolmogorov equation on purpose (ω = 0 keeps it).
 *
 * Terms with `p_t(z_t | x1) = 0` (a state this x1 cannot produce) contribute 0, and there is no
 * rate into states with `p_t(z | x1) = 0` (this is what makes `Z_t` the right normaliser for an
 * absorbing prior). The diagonal
 * is `R_t(z_t, z_t) = −Σ_{z≠z_t} R_t(z_t, z)`.
 *
 * @param prior - `p0` `[K]`
 * @param pred - `p̂(x1 | z_t)` `[K]`; a one-hot vector gives the conditional rate `R_t(· | x1)`
 * @param current - `z_t`
 * @param t - time in [0, 1)
 * @param options - η and ω
 * @param out - output `[K]`: the row `R_t(z_t, ·)` including its negative diagonal entry
 * @returns `out`
 *
 * @example
 * ```ts
 * const row = flowRateMatrix(Float64Array.of(0.5, 0.5), Float64Array.of(0, 1), 0, 0.5, {}, new Float64Array(2));
 * // row = [-2, 2]: from class 0 towards the target class 1
 * ```
 */
export function flowRateMatrix(
  prior: ArrayLike<number>,
  pred: ArrayLike<number>,
  current: number,
  t: number,
  options: FlowRateOptions,
  out: Float64Array,
): Float64Array {
  const K = prior.length;
  const eta = options.eta ?? 0;
  const omega = options.omega ?? 0;
  out.fill(0);
  for (let x1 = 0; x1 < K; x1++) {
    const w = pred[x1];
    if (!(w > 0)) continue;
    const ptCur = (current === x1 ? t : 0) + (1 - t) * prior[current];
    if (!(ptCur > 0)) continue;
    let Z = 0;
    for (let z = 0; z < K; z++) if ((z === x1 ? t : 0) + (1 - t) * prior[z] > 0) Z++;
    const denom = Z * ptCur;
    const dCur = (current === x1 ? 1 : 0) - prior[current];
    for (let z = 0; z < K; z++) {
      if (z === current) continue;
      const ptz = (z === x1 ? t : 0) + (1 - t) * prior[z];
      if (!(ptz > 0)) continue; // no rate into states this x1 cannot reach
      const dz = (z === x1 ? 1 : 0) - prior[z];
      let r = Math.max(0, dz - dCur) / denom;
      if (eta > 0) r += eta * ptz;
      if (omega > 0 && z === x1) r += omega / denom;
      out[z] += w * r;
    }
  }
  let s = 0;
  for (let z = 0; z < K; z++) if (z !== current) s += out[z];
  out[current] = -s;
  return out;
}
