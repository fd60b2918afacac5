/**
 * Gromov-Wasserstein barycenter of structure matrices.
 *
 * @module
 */

import { InputError, ShapeError, describeValue } from '../../core/errors.js';
import type { Matrix, MatrixLike, VectorLike } from '../../core/matrix.js';
import type { Rng } from '../../core/rng.js';
import { checkInt, checkNonNegative, checkSquare } from '../internal/checks.js';
import { conditionalGradient, entropicScheme, prepareGromov } from '../internal/gromovCore.js';
import { barycenterUpdate, checkBarycenterInputs, randomStructure } from '../internal/barycenterCore.js';
import type { SinkhornBackendName, OtStatus } from '../types.js';
import type { SinkhornKernel } from '../backend/SinkhornKernel.js';

/** Options of {@link gromovBarycenter}. */
export interface GromovBarycenterOptions {
  /** Masses of the barycenter's N points (all > 0). @default uniform 1/N */
  p?: VectorLike;
  /** Initial structure, N x N. @default distances between N Gaussian points drawn from `rng`, scaled to max 1 */
  init?: MatrixLike;
  /** Random generator for the default initialization (required when `init` is absent). */
  rng?: Rng;
  /** Maximum number of outer (block-coordinate) iterations. @default 100 */
  maxIter?: number;
  /** Stop when the Frobenius change of the structure is below `tol`. @default 1e-9 */
  tol?: number;
  /** Iteration budget of each inner GW solve. @default 1000 */
  innerMaxIter?: number;
  /** When set, inner solves are entropic GW with this epsilon; else exact conditional gradient. */
  epsilon?: number;
  /** Sinkhorn backend of entropic inner solves. @default 'auto' */
  backend?: 'auto' | SinkhornBackendName | SinkhornKernel;
}

/** Result of {@link gromovBarycenter}. */
export interface GromovBarycenterResult {
  /** The barycenter structure, N x N. */
  readonly C: Matrix;
  /** Couplings from the barycenter to each input: `plans[s]` is N x n_s. */
  readonly plans: readonly Matrix[];
  /** `sum_s lambda_s GW(C, Cs[s])` at the returned couplings. */
  readonly value: number;
  /** `'converged'` when the structure stopped moving within `tol`. */
  readonly status: OtStatus;
  /** Outer iterations performed. */
  readonly iterations: number;
}

/**
 * Gromov-Wasserstein barycenter (Peyré et al. 2016) of S structure matrices `Cs[s]`
 * (n_s x n_s, e.g. shortest-path matrices of graphs) with masses `ps[s]` and weights `lambdas`:
 *
 * ```text
 *   C* = argmin_{C in R^{N x N}}  sum_s lambda_s GW(C, Cs[s], p, ps[s])
 * ```
 *
 * by block-coordinate descent: couplings `T_s` (N x n_s) by {@link gromovWasserstein} (or
 * entropic GW when `epsilon` is set), each warm-started from its previous value; then the
 * closed-form square-loss update `C = (sum_s lambda_s T_s Cs[s] T_s^T) / (p p^T)`. Weights are
 * normalized to sum 1. Non-convex: the result depends on the initialization (`init` / `rng`).
 *
 * @param N - number of points of the barycenter, >= 1
 * @param Cs - S >= 1 symmetric structures, `Cs[s]` n_s x n_s
 * @param ps - their masses, `ps[s]` of length n_s, each summing to the total of `p`
 * @param lambdas - S non-negative weights, not all 0
 * @param options - see {@link GromovBarycenterOptions}
 * @returns the structure C (N x N), the couplings, the weighted loss, status, iterations
 * @throws `InputError` for bad masses/weights, NaN entries, missing `rng`, `N < 1`
 * @throws `ShapeError` when lengths disagree
 *
 * @example
 * ```ts
 * const { C } = gromovBarycenter(4, [C1, C2], [p1, p2], [0.5, 0.5], { rng: createRng(0) });
 * ```
 *
 * @see G. Peyré, M. Cuturi, J. Solomon, ICML 2016, Sec. 4; POT `ot.gromov.gromov_barycenters`.
 */
export function gromovBarycenter(N: number, Cs: readonly MatrixLike[], ps: readonly VectorLike[], lambdas: VectorLike, options: GromovBarycenterOptions = {}): GromovBarycenterResult {
  const { S, p, lam, structures, masses } = checkBarycenterInputs(N, Cs, ps, lambdas, options.p);
  const maxIter = checkInt(options.maxIter ?? 100, 'options.maxIter', 0);
  const tol = checkNonNegative(options.tol ?? 1e-9, 'options.tol');
  const innerMaxIter = checkInt(options.innerMaxIter ?? 1000, 'options.innerMaxIter', 1);
  let C: Float64Array;
  if (options.init !== undefined) {
    const init = checkSquare(options.init, 'options.init');
    if (init.rows !== N) throw ShapeError.mismatch('options.init', `${N} x ${N}`, `${init.rows} x ${init.cols}`);
    C = init.data.slice();
  } else {
    if (typeof options.rng !== 'object' || options.rng === null) throw InputError.invalid('options.rng', 'an Rng when options.init is not given', describeValue(options.rng));
    C = randomStructure(N, options.rng);
  }
  const epsilon = options.epsilon;
  const plans: Float64Array[] = masses.map((q) => {
    const T = new Float64Array(N * q.length);
    for (let i = 0; i < N; i++) for (let j = 0; j < q.length; j++) T[i * q.length + j] = p[i] * q[j];
    return T;
  });
  let status: OtStatus = 'maxIter';
  let it = 0;
  let value = 0;
  const losses = new Float64Array(S);
  while (it < maxIter) {
    it++;
    for (let s = 0; s < S; s++) {
      const P = prepareGromov({ rows: N, cols: N, data: C }, structures[s], p, masses[s], null, 1e-6);
      const run = epsilon === undefined ? conditionalGradient(P, 1, plans[s], innerMaxIter, 1e-9) : entropicScheme(P, 1, plans[s], innerMaxIter, 1e-9, epsilon, { backend: options.backend });
      plans[s] = run.plan;
      losses[s] = run.value;
    }
    const next = barycenterUpdate(N, p, lam, plans, structures);
    let err = 0;
    for (let k = 0; k < C.length; k++) err += (next[k] - C[k]) ** 2;
    C = next;
    if (Math.sqrt(err) < tol) {
      status = 'converged';
      break;
    }
  }
  // losses at the final structure
  value = 0;
  for (let s = 0; s < S; s++) {
    const P = prepareGromov({ rows: N, cols: N, data: C }, structures[s], p, masses[s], null, 1e-6);
    const run = conditionalGradient(P, 1, plans[s], 0, 0);
    value += lam[s] * run.value;
  }
  return { C: { rows: N, cols: N, data: C }, plans: plans.map((T, s) => ({ rows: N, cols: masses[s].length, data: T })), value, status, iterations: it };
}

