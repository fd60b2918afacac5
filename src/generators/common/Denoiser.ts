import type * as tf from '@tensorflow/tfjs-core';
import type { Module } from '../../nn/Module.js';

/** Input of a {@link Denoiser}: the noisy graph with its extra features and time. */
export interface DenoiserInput {
  /** Noisy one-hot node classes concatenated with node features, `[B, N, dxIn]`. */
  x: tf.Tensor3D;
  /** Noisy one-hot edge classes concatenated with pair features, `[B, N, N, deIn]`. */
  e: tf.Tensor4D;
  /** Global features (time first), `[B, dyIn]`. */
  y: tf.Tensor2D;
  /** 1 for real nodes, `[B, N]`. */
  nodeMask: tf.Tensor2D;
}

/** Output of a {@link Denoiser}: unnormalised log-probabilities of the clean classes. */
export interface DenoiserOutput {
  /** Node-class logits `[B, N, dx]`. */
  x: tf.Tensor3D;
  /** Edge-class logits `[B, N, N, de]`, symmetric in the two node axes. */
  e: tf.Tensor4D;
}

/**
 * A network predicting the clean graph from a noisy one (x0-/x1-prediction), permutation
 * equivariant: `f(P x, P e Pᵀ) = (P f_x, P f_e Pᵀ)`. Its weights live in {@link Denoiser.module}.
 */
export interface Denoiser {
  /** The module tree holding the weights (saved and loaded with graphgen/nn's weights format). */
  readonly module: Module;
  /** Forward pass. The caller owns the output tensors. */
  apply(input: DenoiserInput, options?: { training?: boolean }): DenoiserOutput;
}
