/**
 * Linear sum assignment.
 *
 * @module
 */

import { InputError, describeValue } from '../core/errors.js';
import type { MatrixLike } from '../core/matrix.js';
import { toMatrix } from '../core/matrix.js';

/** Options of {@link lsap}. */
export interface LsapOptions {
  /** Maximize the total instead of minimizing it. @default false */
  maximize?: boolean;
}

/** Result of {@link lsap}: the matched pairs `(rowInd[k], colInd[k])` and their total cost. */
export interface LsapResult {
  /** Matched rows, ascending, length min(n, m). */
  readonly rowInd: Int32Array;
  /** Matched columns, `colInd[k]` is assigned to `rowInd[k]`. */
  readonly colInd: Int32Array;
  /** `sum_k C[rowInd[k]][colInd[k]]`. */
  readonly cost: number;
}

/**
 * Linear sum assignment: a matching of min(n, m) rows to distinct columns of the n x m cost
 * matrix `C` minimizing (or maximizing) the total cost, as `scipy.optimize.linear_sum_assignment`
 * (same output convention: rows ascending). Rectangular matrices are allowed.
 *
 * Shortest augmenting paths with dual potentials (the Jonker-Volgenant / Hungarian scheme),
 * O(min(n,m)^2 max(n,m)) time.
 *
 * @param C - cost matrix, n x m, finite
 * @param options - see {@link LsapOptions}
 * @returns row and column indices of the assignment and its cost
 * @throws `InputError` for NaN/Infinity entries or a value that is not a matrix
 *
 * @example
 * ```ts
 * const { colInd, cost } = lsap([[4, 1, 3], [2, 0, 5], [3, 2, 2]]);
 * colInd; // Int32Array [1, 0, 2]
 * cost;   // 5
 * ```
 *
 * @see R. Jonker, A. Volgenant, "A shortest augmenting path algorithm for dense and sparse linear
 *   assignment problems", Computing 38, 1987.
 * @see D. F. Crouse, "On implementing 2D rectangular assignment algorithms", IEEE TAES 2016.
 */
export function lsap(C: MatrixLike, options: LsapOptions = {}): LsapResult {
  const mat = toMatrix(C, 'C');
  const maximize = options.maximize ?? false;
  if (typeof maximize !== 'boolean') throw InputError.invalid('options.maximize', 'a boolean', describeValue(maximize));
  const transpose = mat.rows > mat.cols;
  const n = transpose ? mat.cols : mat.rows;
  const m = transpose ? mat.rows : mat.cols;
  if (n === 0) return { rowInd: new Int32Array(0), colInd: new Int32Array(0), cost: 0 };
  const sign = maximize ? -1 : 1;
  const cost = new Float64Array(n * m);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < m; j++) cost[i * m + j] = sign * (transpose ? mat.data[j * mat.cols + i] : mat.data[i * mat.cols + j]);
  // 1-based potentials and matching (column 0 is the virtual start)
  const u = new Float64Array(n + 1);
  const v = new Float64Array(m + 1);
  const p = new Int32Array(m + 1);
  const way = new Int32Array(m + 1);
  const minv = new Float64Array(m + 1);
  const used = new Uint8Array(m + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    minv.fill(Infinity);
    used.fill(0);
    do {
      used[j0] = 1;
      const i0 = p[j0];
      let delta = Infinity;
      let j1 = -1;
      const off = (i0 - 1) * m - 1;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const cur = cost[off + j] - u[i0] - v[j];
        if (cur < minv[j]) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          u[p[j]] += delta;
          v[j] -= delta;
        } else {
          minv[j] -= delta;
        }
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0 !== 0);
  }
  const match = new Int32Array(n).fill(-1); // row -> col (in the solved orientation)
  for (let j = 1; j <= m; j++) if (p[j] !== 0) match[p[j] - 1] = j - 1;
  let total = 0;
  const pairs: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const r = transpose ? match[i] : i;
    const c = transpose ? i : match[i];
    pairs.push([r, c]);
    total += mat.data[r * mat.cols + c];
  }
  pairs.sort((s, t) => s[0] - t[0]);
  return { rowInd: Int32Array.from(pairs, (q) => q[0]), colInd: Int32Array.from(pairs, (q) => q[1]), cost: total };
}
