/**
 * Batched Sinkhorn.
 *
 * @module
 */

import { InputError, ShapeError, describeValue } from '../core/errors.js';
import type { MatrixLike, VectorLike } from '../core/matrix.js';
import { checkSinkhornProblem, resolveSinkhornOptions, solveSinkhorn } from './internal/runSinkhorn.js';
import type { SinkhornOptions, SinkhornResult } from './SinkhornOptions.js';

/** Result of {@link sinkhornBatch}. */
export interface SinkhornBatchResult {
  /** One result per problem, in input order. */
  readonly results: readonly SinkhornResult[];
  /** `values[k] = results[k].value`, length B. */
  readonly values: Float64Array;
  /** Number of problems whose status is `'converged'`. */
  readonly converged: number;
}

/**
 * Solves B independent entropic OT problems (each as {@link sinkhorn}) with one backend instance,
 * e.g. the B x n x n couplings between generated and reference graphs (n <= 200) that OT
 * generators need per training step. Problems may have different sizes. `M` is either one cost
 * per problem or a single cost shared by all (then all `a[k]`, `b[k]` have its shape).
 *
 * @param a - B source histograms (`a[k]` of length n_k)
 * @param b - B target histograms (`b[k]` of length m_k)
 * @param M - B costs (`M[k]` n_k x m_k) or one shared cost
 * @param reg - regularization > 0, shared, or one per problem (length B)
 * @param options - as {@link sinkhorn}; `warmStart` is not supported here
 * @returns the B results and their values
 * @throws `ShapeError` when the batch lengths differ; `InputError` naming `a[k]` etc.
 *   for a bad problem; otherwise as {@link sinkhorn}
 *
 * @example
 * ```ts
 * const { values } = sinkhornBatch([[0.5, 0.5], [1, 0]], [[0.5, 0.5], [0.5, 0.5]], [[0, 1], [1, 0]], 0.1);
 * ```
 */
export function sinkhornBatch(
  a: readonly VectorLike[],
  b: readonly VectorLike[],
  M: readonly MatrixLike[] | MatrixLike,
  reg: number | readonly number[] | Float64Array,
  options: SinkhornOptions = {},
): SinkhornBatchResult {
  if (!Array.isArray(a)) throw InputError.invalid('a', 'an array of histograms', describeValue(a));
  if (!Array.isArray(b)) throw InputError.invalid('b', 'an array of histograms', describeValue(b));
  const B = a.length;
  if (b.length !== B) throw ShapeError.mismatch('b', `${B} histograms like a`, `${b.length}`);
  const shared = !Array.isArray(M) || (M.length > 0 && typeof M[0] === 'number') || (M.length > 0 && Array.isArray(M[0]) && typeof (M[0] as unknown[])[0] === 'number');
  if (!shared && (M as readonly MatrixLike[]).length !== B) throw ShapeError.mismatch('M', `${B} cost matrices like a`, `${(M as readonly MatrixLike[]).length}`);
  if (typeof reg !== 'number' && (reg as ArrayLike<number>).length !== B) throw ShapeError.mismatch('reg', `a number or ${B} numbers`, `${(reg as ArrayLike<number>).length}`);
  if (options.warmStart !== undefined) throw InputError.invalid('options.warmStart', 'undefined for sinkhornBatch', 'a value');
  const o = resolveSinkhornOptions(options);
  const results: SinkhornResult[] = [];
  const values = new Float64Array(B);
  let converged = 0;
  for (let k = 0; k < B; k++) {
    const Mk = shared ? (M as MatrixLike) : (M as readonly MatrixLike[])[k];
    const rk = typeof reg === 'number' ? reg : (reg as ArrayLike<number>)[k];
    let p;
    try {
      p = checkSinkhornProblem(a[k], b[k], Mk, rk, o.massTol);
    } catch (e) {
      if (e instanceof InputError || e instanceof ShapeError) {
        const arg = e.details.argument ?? '';
        const renamed = arg.replace(/^(a|b|M|reg)/, (x) => (x === 'M' && shared ? 'M' : `${x}[${k}]`));
        const Ctor = e instanceof InputError ? InputError : ShapeError;
        throw new Ctor(e.message.replace(arg, renamed), { ...e.details, argument: renamed });
      }
      throw e;
    }
    const r = solveSinkhorn(p, o);
    results.push(r);
    values[k] = r.value;
    if (r.status === 'converged') converged++;
  }
  return { results, values, converged };
}
