import * as tf from '@tensorflow/tfjs-core';
import { addMany } from '../../nn/addMany.js';
import type { Adam } from '../../nn/Adam.js';

/** Result of {@link guardedStep}. */
export interface GuardedStepResult {
  /** Loss before the update (may be NaN/Inf when skipped). */
  loss: number;
  /** Global gradient norm before clipping. */
  gradNorm: number;
  /** True when the update was applied; false when the guard skipped it. */
  applied: boolean;
  /** Why the step was skipped. */
  reason?: string;
}

/**
 * One optimisation step with a NaN/Inf guard: computes the loss and its gradients, and applies
 * the optimiser (which clips the global norm) only when the loss and the global gradient norm
 * `sqrt(Σ ‖g‖²)` are finite; otherwise the weights and optimiser state are left untouched and
 * the step is reported as skipped. All intermediate tensors are disposed.
 *
 * @param lossFn - returns a scalar loss
 * @param variables - trainable variables
 * @param optimizer - Adam/AdamW
 * @returns loss, gradient norm and whether the update was applied
 *
 * @example
 * ```ts
 * const r = guardedStep(() => loss(net.apply(input), target), net.trainableVariables(), adam);
 * if (!r.applied) skipped.push(r.reason);
 * ```
 */
export function guardedStep(lossFn: () => tf.Scalar, variables: readonly tf.Variable[], optimizer: Adam): GuardedStepResult {
  const { value, grads } = tf.variableGrads(lossFn, [...variables]);
  const gl = variables.map((v) => grads[v.name] ?? tf.zerosLike(v));
  try {
    const loss = (value.dataSync() as Float32Array)[0];
    const normT = tf.tidy(() => tf.sqrt(addMany(gl.map((g) => tf.sum(tf.square(g))))));
    const gradNorm = (normT.dataSync() as Float32Array)[0];
    normT.dispose();
    if (!Number.isFinite(loss)) return { loss, gradNorm, applied: false, reason: `non-finite loss ${loss}` };
    if (!Number.isFinite(gradNorm)) return { loss, gradNorm, applied: false, reason: `non-finite gradient norm ${gradNorm}` };
    // tidy: also frees the initial values of moment buffers the optimiser creates lazily
    tf.tidy(() => {
      optimizer.step(variables, gl);
    });
    return { loss, gradNorm, applied: true };
  } finally {
    value.dispose();
    tf.dispose(gl.filter((g) => !Object.values(grads).includes(g)));
    tf.dispose(Object.values(grads));
  }
}
