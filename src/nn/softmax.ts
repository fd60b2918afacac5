import * as tf from '@tensorflow/tfjs-core';
import { InputError } from '../core/errors.js';

type CustomFn = Parameters<typeof tf.customGrad>[0];

function makeSoftmax(axis: number): (x: tf.Tensor) => tf.Tensor {
  return tf.customGrad(((x: tf.Tensor, save: tf.GradSaveFunc) => {
    const m = tf.max(x, axis, true);
    const ex = tf.exp(tf.sub(x, m));
    const y = tf.div(ex, tf.sum(ex, axis, true));
    save([y]);
    return {
      value: y,
      gradFunc: (dy: tf.Tensor, [ys]: tf.Tensor[]) => [tf.mul(ys, tf.sub(dy, tf.sum(tf.mul(dy, ys), axis, true)))],
    };
  }) as unknown as CustomFn) as unknown as (x: tf.Tensor) => tf.Tensor;
}

/**
 * Softmax along any axis with a hand-written gradient:
 * `y = exp(x − max_a x) / Σ_a exp(x − max_a x)`, `dx = y ⊙ (dy − Σ_a dy ⊙ y)`.
 *
 * Equivalent to `tf.softmax` on the last axis, but usable on any axis without transposes and
 * with a backward pass that does not differentiate through the max (on wasm the gradient of a
 * broadcast max, via `equal`, is very slow). Masked entries can be excluded by adding a large
 * negative number to their logits first.
 *
 * @param x - logits, any rank ≥ 1
 * @param axis - the normalised axis (negative counts from the end)
 * @returns probabilities of the shape of `x`
 * @throws `InputError` for an axis outside the rank
 *
 * @example
 * ```ts
 * const att = softmax(scores, 2); // scores [B,N,N,d]: normalise over keys j
 * ```
 */
export function softmax(x: tf.Tensor, axis = -1): tf.Tensor {
  const a = axis < 0 ? axis + x.rank : axis;
  if (!Number.isInteger(a) || a < 0 || a >= x.rank) throw InputError.invalid('axis', `an axis of a rank-${x.rank} tensor`, String(axis));
  return makeSoftmax(a)(x);
}
