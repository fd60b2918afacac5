import * as tf from '@tensorflow/tfjs-core';
import { ShapeError } from '../core/errors.js';
import { checkOrder } from './denseOps.js';

/**
 * Batched power sums `tr(A^k)` and walk sums `1ᵀ A^k 1`, k = 1..K (see {@link powerSums},
 * {@link walkSums}), differentiable in `adj`. Invariant under node permutations.
 *
 * @param adj - `[B,N,N]`, zero on padding
 * @param maxK - K (default 6)
 * @returns `[B, 2K]`: the K power sums then the K walk sums
 * @throws `ShapeError` when `adj` is not `[B,N,N]`
 *
 * @example
 * ```ts
 * const f = batchedPowerSums(adjacencyFromEdges(e), 4); // [B, 8]
 * ```
 */
export function batchedPowerSums(adj: tf.Tensor, maxK = 6): tf.Tensor2D {
  if (adj.rank !== 3 || adj.shape[1] !== adj.shape[2]) throw ShapeError.mismatch('adj', '[B,N,N]', `[${adj.shape.join(', ')}]`);
  checkOrder(maxK, 'maxK', 1, 64);
  return tf.tidy(() => {
    const n = adj.shape[1] as number;
    const eye = tf.expandDims(tf.eye(n), 0);
    const traces: tf.Tensor[] = [];
    const walks: tf.Tensor[] = [];
    let p = adj;
    for (let k = 1; k <= maxK; k++) {
      if (k > 1) p = tf.matMul(p, adj);
      traces.push(tf.sum(tf.mul(p, eye), [1, 2]));
      walks.push(tf.sum(p, [1, 2]));
    }
    return tf.stack([...traces, ...walks], 1) as tf.Tensor2D;
  });
}
