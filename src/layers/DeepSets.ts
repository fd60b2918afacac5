import * as tf from '@tensorflow/tfjs-core';
import type { Rng } from '../core/rng.js';
import { BasisLayer } from './BasisLayer.js';
import { dense } from '../nn/dense.js';
import type { BasisNormalization } from './BasisLayer.js';
import { checkNodes, nodeCount, nodeMask3 } from './masking.js';

/**
 * The 2 basis operations of linear S_n-equivariant maps `R^n → R^n`, named by partitions of
 * `{1, 2}` (1 = output node `i`, 2 = input node `k`): `{1,2}` is `x_i`, `{1}{2}` is `Σ_k x_k`.
 */
export const BASIS_1_TO_1: readonly string[] = ['{1,2}', '{1}{2}'];

/** Serializable config of {@link DeepSets}. */
export interface DeepSetsConfig {
  /** Input channels `C`. */
  inChannels: number;
  /** Output channels `C'`. */
  outChannels: number;
  /** Pooling of the second operation: sum or mean over real nodes. @default 'mean' */
  normalization?: BasisNormalization;
}

/**
 * The linear equivariant set layer (Zaheer et al. 2017, "Deep Sets"; the `n → n` case of Maron
 * et al. 2019): `out_i = m_i (x_i W₀ + (Σ_k m_k x_k) W₁ + b)`, with the pooled sum divided by
 * `n_b` under `'mean'`. `f(P x) = P f(x)`; padded rows are exactly zero.
 *
 * Shapes: `x [B,N,C]`, `nodeMask [B,N]` -> `[B,N,C']`. Parameters `weight [2,C,C']`, `bias [C']`.
 *
 * @example
 * ```ts
 * const ds = new DeepSets({ inChannels: 8, outChannels: 8 }, createRng(0));
 * const h = ds.apply(x, nodeMask); // [B,N,8]
 * ```
 */
export class DeepSets extends BasisLayer<DeepSetsConfig> {
  readonly className = 'DeepSets';
  /** `[C']`. */
  readonly bias: tf.Variable;

  /** @throws `InputError` for invalid channel counts or normalisation */
  constructor(config: DeepSetsConfig, rng: Rng) {
    super(config, 2, rng);
    this.bias = this.addBias('bias');
  }

  /** Rebuilds from {@link DeepSets.getConfig}. */
  static fromConfig(config: DeepSetsConfig, rng: Rng): DeepSets {
    return new DeepSets(config, rng);
  }

  /** `x [B,N,C]`, `nodeMask [B,N]` -> `[B,N,C']`. @throws `ShapeError` on bad shapes */
  apply(x: tf.Tensor, nodeMask: tf.Tensor): tf.Tensor {
    const { inChannels: c, outChannels: co, normalization } = this.config;
    checkNodes(x, nodeMask, c);
    return tf.tidy(() => {
      const m3 = nodeMask3(nodeMask);
      const xm = tf.mul(x, m3);
      let s = tf.sum(xm, 1); // [B,C]
      if (normalization === 'mean') s = tf.div(s, nodeCount(nodeMask));
      const w0 = tf.reshape(tf.slice(this.weight, [0, 0, 0], [1, c, co]), [c, co]);
      const w1 = tf.reshape(tf.slice(this.weight, [1, 0, 0], [1, c, co]), [c, co]);
      const out = tf.add(dense(xm, w0), tf.expandDims(dense(s, w1, this.bias), 1));
      return tf.mul(out, m3);
    });
  }
}
