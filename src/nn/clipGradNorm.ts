import * as tf from '@tensorflow/tfjs-core';
import { addMany } from './addMany.js';
import { assertPositive } from '../core/assert.js';

/** Result of {@link clipGradNorm}. */
export interface ClipGradNormResult {
  /** The (possibly rescaled) gradients: new tensors, owned by the caller. */
  grads: tf.Tensor[];
  /** Global L2 norm before clipping. */
  norm: number;
}

/**
 * Rescales a list of gradients by a common factor so that their global L2 norm
 * `‖g‖ = sqrt(Σ_i ‖g_i‖²)` is at most `maxNorm` (Pascanu et al. 2013):
 * `g_i ← g_i · min(1, maxNorm / (‖g‖ + 1e-6))`. The inputs are not modified or disposed.
 *
 * @param grads - gradient tensors
 * @param maxNorm - bound on the global norm (> 0)
 * @returns new gradient tensors and the norm before clipping
 * @throws `InputError` for a non-positive `maxNorm`
 *
 * @example
 * ```ts
 * const { grads: clipped, norm } = clipGradNorm(grads, 1.0);
 * ```
 */
export function clipGradNorm(grads: readonly tf.Tensor[], maxNorm: number): ClipGradNormResult {
  assertPositive(maxNorm, 'maxNorm');
  if (grads.length === 0) return { grads: [], norm: 0 };
  const normT = tf.tidy(() => tf.sqrt(addMany(grads.map((g) => tf.sum(tf.square(g))))));
  const norm = (normT.dataSync() as Float32Array)[0];
  normT.dispose();
  const factor = Math.min(1, maxNorm / (norm + 1e-6));
  const out = grads.map((g) => (factor < 1 ? tf.mul(g, factor) : tf.clone(g)));
  return { grads: out, norm };
}
