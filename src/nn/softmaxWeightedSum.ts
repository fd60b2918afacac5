import * as tf from '@tensorflow/tfjs-core';
import { ShapeError } from '../core/errors.js';
import { sumKeepDims } from './transposeTall.js';

type CustomFn = Parameters<typeof tf.customGrad>[0];

/** Swaps the last two axes. */
function swapLast(t: tf.Tensor): tf.Tensor {
  const perm = t.shape.map((_, i) => i);
  perm[t.rank - 2] = t.rank - 1;
  perm[t.rank - 1] = t.rank - 2;
  return tf.transpose(t, perm);
}

/** Sums `t` over the axes along which a tensor of `shape` was broadcast to `t.shape`. */
function unbroadcast(t: tf.Tensor, shape: readonly number[]): tf.Tensor {
  const axes = tf.backend_util.getReductionAxes([...shape], t.shape);
  return axes.length > 0 ? tf.reshape(sumKeepDims(t, axes), [...shape]) : t;
}

const op = tf.customGrad(((logits: tf.Tensor, v: tf.Tensor, save: tf.GradSaveFunc) => {
  const attT = tf.softmax(swapLast(logits)); // [..., d, K]: tfjs's last-axis kernel
  const out = tf.sum(tf.mul(attT, swapLast(v)), -1); // [..., d]
  save([attT, v, out]); // (no-op without a gradient tape: inference skips the transpose below)
  return {
    value: out,
    gradFunc: (dOut: tf.Tensor, [attTs, vs, o]: tf.Tensor[]) => {
      const p = tf.mul(swapLast(attTs), tf.expandDims(dOut, -2)); // α ⊙ ∂o, [..., K, d]
      const dLogits = tf.mul(p, tf.sub(vs, tf.expandDims(o, -2))); // α ⊙ ∂o ⊙ (v − o)
      return [dLogits, unbroadcast(p, vs.shape)];
    },
  };
}) as unknown as CustomFn) as unknown as (logits: tf.Tensor, v: tf.Tensor) => tf.Tensor;

/**
 * Softmax-weighted sum over the second-to-last axis, with a hand-written gradient:
 * `o[..., f] = Σ_k α[..., k, f] v[..., k, f]`, `α = softmax_k(logits)` (one distribution per
 * feature `f`, as in DiGress's attention).
 *
 * The softmax runs as tfjs's last-axis `Softmax` kernel on the transposed logits (XNNPACK on
 * wasm, with a vectorised exponential: ~4x faster than max, exp, sum and divide on the full
 * tensor), and the backward pass uses `Σ_k α_k ∂o v_k = ∂o ⊙ o`, so that
 * `∂logits = α ⊙ ∂o ⊙ (v − o)` and `∂v = Σ_{broadcast axes} α ⊙ ∂o`: three element-wise products
 * on the full tensor instead of the eight or so of autodiff through softmax, product and sum.
 * The backward works in the input layout, where the broadcasts of `∂o` and `o` are over a
 * middle axis (fast on wasm; a broadcast along the last axis is 3-8x slower).
 *
 * Shapes: `logits [..., K, d]`; `v` broadcastable to `logits` (e.g. `[B,1,K,d]` against
 * `[B,N,K,d]`); result `[..., d]` (`logits.shape` without the `K` axis).
 *
 * @param logits - scores, normalised over axis −2 (add a large negative number to exclude an entry)
 * @param v - values, broadcast against `logits`
 * @returns the weighted sums
 * @throws `ShapeError` when `logits` has rank < 2 or `v` does not broadcast to `logits` without enlarging it
 */
export function softmaxWeightedSum(logits: tf.Tensor, v: tf.Tensor): tf.Tensor {
  const ok = logits.rank >= 2 && v.rank === logits.rank && v.shape.every((s, i) => s === logits.shape[i] || s === 1);
  if (!ok) throw ShapeError.mismatch('v', `broadcastable to [${logits.shape.join(', ')}]`, `[${v.shape.join(', ')}]`);
  return op(logits, v);
}
