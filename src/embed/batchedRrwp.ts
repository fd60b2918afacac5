import * as tf from '@tensorflow/tfjs-core';
import { ShapeError } from '../core/errors.js';
import { checkOrder } from './denseOps.js';

/** Result of {@link batchedRrwp}. */
export interface BatchedRrwpResult {
  /** `[B,N,N,K]`: `(M^k)_ij`, k = 0..K−1. */
  pairs: tf.Tensor4D;
  /** `[B,N,K]`: the diagonals. */
  nodes: tf.Tensor3D;
}

/**
 * Batched relative random-walk probabilities (see {@link rrwp}) for training-time features:
 * `M = D^{-1} A` per graph (zero rows for isolated and padded nodes), pair features
 * `[I, M, …, M^{K−1}]` and their diagonals. The identity channel is masked by `nodeMask`, so
 * all entries touching padding are zero.
 *
 * @param adj - `[B,N,N]` adjacency (0/1 or soft), zero on padding
 * @param nodeMask - `[B,N]`
 * @param steps - K (default 8)
 * @returns pair `[B,N,N,K]` and node `[B,N,K]` features
 * @throws `ShapeError` on inconsistent shapes
 * @throws `InputError` for `steps` outside [1, 64]
 *
 * @example
 * ```ts
 * const { pairs, nodes } = batchedRrwp(adjacencyFromEdges(e), nodeMask, 8);
 * ```
 */
export function batchedRrwp(adj: tf.Tensor, nodeMask: tf.Tensor, steps = 8): BatchedRrwpResult {
  if (adj.rank !== 3 || adj.shape[1] !== adj.shape[2]) throw ShapeError.mismatch('adj', '[B,N,N]', `[${adj.shape.join(', ')}]`);
  if (nodeMask.rank !== 2 || nodeMask.shape[0] !== adj.shape[0] || nodeMask.shape[1] !== adj.shape[1]) {
    throw ShapeError.mismatch('nodeMask', `[${adj.shape[0]},${adj.shape[1]}]`, `[${nodeMask.shape.join(', ')}]`);
  }
  checkOrder(steps, 'steps', 1, 64);
  return tf.tidy(() => {
    const n = adj.shape[1] as number;
    const deg = tf.sum(adj, 2, true); // [B,N,1]
    const m = tf.div(adj, tf.maximum(deg, 1e-12));
    const eye = tf.expandDims(tf.eye(n), 0);
    let p = tf.mul(eye, tf.mul(tf.expandDims(nodeMask, 2), tf.expandDims(nodeMask, 1))); // [B,N,N]
    const mats: tf.Tensor[] = [p];
    for (let k = 1; k < steps; k++) {
      p = tf.matMul(p, m);
      mats.push(p);
    }
    const pairs = tf.stack(mats, 3) as tf.Tensor4D;
    const nodes = tf.sum(tf.mul(pairs, tf.expandDims(eye, 3)), 2) as tf.Tensor3D;
    return { pairs, nodes };
  });
}
