import * as tf from '@tensorflow/tfjs-core';
import { InputError } from '../core/errors.js';
import type { Adam } from './Adam.js';
import { registerGradients } from './registerGradients.js';
import { registerWasmKernels } from './wasmKernels.js';

/** Result of {@link trainStep}. */
export interface TrainStepResult {
  /** Loss value before the update. */
  loss: number;
  /** Learning rate used. */
  learningRate: number;
  /** Global gradient norm before clipping (NaN when the optimiser does not clip). */
  gradNorm: number;
}

/**
 * One optimisation step: evaluates `lossFn`, differentiates it with respect to `variables`
 * (through tfjs autodiff with graphgen's gradients, see {@link registerGradients}), applies the
 * optimiser, and disposes every intermediate tensor. Variables that do not influence the loss
 * get a zero gradient.
 *
 * @param lossFn - returns a scalar loss; called once
 * @param variables - the trainable variables (e.g. `module.trainableVariables()`)
 * @param optimizer - the optimiser, e.g. {@link Adam}
 * @returns loss, learning rate and gradient norm
 * @throws `InputError` when the loss is not a scalar
 *
 * @example
 * ```ts
 * const r = trainStep(() => tf.mean(tf.square(tf.sub(mlp.apply(x), y))) as tf.Scalar, mlp.trainableVariables(), adam);
 * ```
 */
export function trainStep(lossFn: () => tf.Scalar, variables: readonly tf.Variable[], optimizer: Adam): TrainStepResult {
  registerGradients(); // idempotent: covers callers that chose a backend with tf.setBackend
  registerWasmKernels();
  const { value, grads } = tf.variableGrads(() => {
    const l = lossFn();
    if (l.rank !== 0) throw InputError.invalid('lossFn()', 'a scalar tensor', `shape [${l.shape.join(', ')}]`);
    return l;
  }, [...variables]);
  const gl = variables.map((v) => grads[v.name] ?? tf.zerosLike(v));
  try {
    const loss = (value.dataSync() as Float32Array)[0];
    const r = optimizer.step(variables, gl);
    return { loss, learningRate: r.learningRate, gradNorm: r.gradNorm };
  } finally {
    value.dispose();
    tf.dispose(gl);
    tf.dispose(Object.values(grads));
  }
}
