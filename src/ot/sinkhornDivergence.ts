/**
 * Debiased Sinkhorn divergence between point clouds.
 *
 * @module
 */

import { ShapeError } from '../core/errors.js';
import type { MatrixLike, VectorLike } from '../core/matrix.js';
import { toMatrix } from '../core/matrix.js';
import { InputError } from '../core/errors.js';
import { sqdist } from './internal/dense.js';
import { checkSinkhornProblem, resolveSinkhornOptions, solveSinkhorn } from './internal/runSinkhorn.js';
import type { SinkhornOptions } from './SinkhornOptions.js';

/** Options of {@link sinkhornDivergence}. */
export interface SinkhornDivergenceOptions extends SinkhornOptions {
  /** Masses of the source points. @default uniform 1/n */
  a?: VectorLike;
  /** Masses of the target points. @default uniform 1/m */
  b?: VectorLike;
  /** Ground cost between points. @default 'sqeuclidean' */
  metric?: 'sqeuclidean' | 'euclidean';
}

/** Result of {@link sinkhornDivergence}: the divergence and its three entropic costs. */
export interface SinkhornDivergenceResult {
  /** `max(0, ab - (aa + bb) / 2)`. */
  readonly value: number;
  /** `<P_ab, M_ab>` between the two clouds. */
  readonly ab: number;
  /** `<P_aa, M_aa>` of the source with itself. */
  readonly aa: number;
  /** `<P_bb, M_bb>` of the target with itself. */
  readonly bb: number;
  /** True when all three Sinkhorn solves converged. */
  readonly converged: boolean;
}

function cloud(x: MatrixLike, name: string) {
  const m = toMatrix(x, name);
  if (m.rows === 0) throw InputError.invalid(name, 'at least one point', '0 points');
  return m;
}

/**
 * Debiased Sinkhorn divergence between the weighted point clouds `Xs` (n x d) and `Xt` (m x d)
 * (Genevay et al. 2018, Feydy et al. 2019), with the transport costs of {@link sinkhorn2}:
 *
 * ```text
 *   S(a, b) = OT_reg(a, b) - (OT_reg(a, a) + OT_reg(b, b)) / 2,   OT_reg(a, b) = <P*_ab, M_ab>
 * ```
 *
 * clipped at 0, as POT's `ot.bregman.empirical_sinkhorn_divergence`. Unlike the entropic
 * cost, `S(a, a) = 0`, which makes it usable as a loss between generated and reference clouds.
 *
 * @param Xs - source points, n x d
 * @param Xt - target points, m x d
 * @param reg - regularization, > 0
 * @param options - masses, metric, and the {@link SinkhornOptions} of the three solves
 * @returns the divergence and its parts
 * @throws `ShapeError` when the dimensions d differ; otherwise as {@link sinkhorn}
 *
 * @example
 * ```ts
 * sinkhornDivergence([[0, 0], [1, 0]], [[0, 1], [1, 1]], 0.1).value; // ~ 1
 * ```
 *
 * @see A. Genevay, G. Peyré, M. Cuturi, "Learning Generative Models with Sinkhorn
 *   Divergences", AISTATS 2018; J. Feydy et al., "Interpolating between Optimal Transport and
 *   MMD using Sinkhorn Divergences", AISTATS 2019.
 */
export function sinkhornDivergence(Xs: MatrixLike, Xt: MatrixLike, reg: number, options: SinkhornDivergenceOptions = {}): SinkhornDivergenceResult {
  const X = cloud(Xs, 'Xs');
  const Y = cloud(Xt, 'Xt');
  if (X.cols !== Y.cols) throw ShapeError.mismatch('Xt', `m x ${X.cols} (same dimension as Xs)`, `${Y.rows} x ${Y.cols}`);
  const metric = options.metric ?? 'sqeuclidean';
  if (metric !== 'sqeuclidean' && metric !== 'euclidean') throw InputError.invalid('options.metric', "'sqeuclidean' or 'euclidean'", String(metric));
  const n = X.rows;
  const m = Y.rows;
  const d = X.cols;
  const a = options.a ?? new Float64Array(n).fill(1 / n);
  const b = options.b ?? new Float64Array(m).fill(1 / m);
  const o = resolveSinkhornOptions(options);
  const cost = (P: Float64Array, Q: Float64Array, r: number, c: number) => {
    const D = sqdist(P, Q, r, c, d);
    if (metric === 'euclidean') for (let k = 0; k < D.length; k++) D[k] = Math.sqrt(D[k]);
    return { rows: r, cols: c, data: D };
  };
  const ab = solveSinkhorn(checkSinkhornProblem(a, b, cost(X.data, Y.data, n, m), reg, o.massTol), o);
  const aa = solveSinkhorn(checkSinkhornProblem(a, a, cost(X.data, X.data, n, n), reg, o.massTol), o);
  const bb = solveSinkhorn(checkSinkhornProblem(b, b, cost(Y.data, Y.data, m, m), reg, o.massTol), o);
  const value = Math.max(0, ab.value - 0.5 * (aa.value + bb.value));
  return { value, ab: ab.value, aa: aa.value, bb: bb.value, converged: ab.status === 'converged' && aa.status === 'converged' && bb.status === 'converged' };
}
