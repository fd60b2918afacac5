import * as tf from '@tensorflow/tfjs-core';
import { assertFinite } from '../../core/assert.js';
import type { DenoiserOutput } from './Denoiser.js';

/** One-hot clean targets of a batch: the padding and diagonal rows are all zero. */
export interface GraphTargets {
  /** `[B, N, dx]`. */
  x: tf.Tensor3D;
  /** `[B, N, N, de]`. */
  e: tf.Tensor4D;
}

/** A training loss of a denoiser: logits and clean one-hot targets -> scalar. */
export type GraphLoss = (pred: DenoiserOutput, target: GraphTargets) => tf.Scalar;

/** Options of {@link crossEntropyLoss}. */
export interface CrossEntropyLossOptions {
  /** Weight λ of the edge term (DiGress uses 5). @default 5 */
  edgeWeight?: number;
}

/**
 * The x0-prediction loss of DiGress and DeFoG: masked cross-entropy of the clean node and edge
 * classes under the predicted distributions,
 *
 * `L = (1/|V|) Σ_i CE(x_i, x̂_i) + λ (1/|P|) Σ_{i≠j} CE(e_ij, ê_ij)`,
 *
 * averaged over the real nodes V and the ordered pairs P of distinct real nodes of the batch
 * (targets are all-zero rows elsewhere, so masking is implicit).
 *
 * @param options - edge weight λ
 * @returns the loss function
 * @throws `InputError` for a negative weight
 *
 * @example
 * ```ts
 * const loss = crossEntropyLoss({ edgeWeight: 5 });
 * const l = loss(denoiser.apply(input), { x: x0, e: e0 });
 * ```
 */
export function crossEntropyLoss(options: CrossEntropyLossOptions = {}): GraphLoss {
  const lambda = options.edgeWeight ?? 5;
  assertFinite(lambda, 'options.edgeWeight', { min: 0 });
  return (pred, target) =>
    tf.tidy(() => {
      const lx = tf.neg(tf.sum(tf.mul(target.x, tf.logSoftmax(pred.x))));
      const nx = tf.maximum(tf.sum(target.x), 1);
      const le = tf.neg(tf.sum(tf.mul(target.e, tf.logSoftmax(pred.e))));
      const ne = tf.maximum(tf.sum(target.e), 1);
      return tf.add(tf.div(lx, nx), tf.mul(tf.div(le, ne), lambda)) as tf.Scalar;
    });
}
