import * as tf from '@tensorflow/tfjs-core';
import type { Rng } from '../core/rng.js';
import { BasisLayer } from './BasisLayer.js';
import { dense } from '../nn/dense.js';
import type { BasisNormalization } from './BasisLayer.js';
import { checkNodes, edgeMask4, eye3, nodeCount, nodeMask3 } from './masking.js';

/**
 * The 5 basis operations of linear S_n-equivariant maps `R^n → R^{n×n}` (Maron et al. 2019),
 * named by partitions of `{1, 2, 3}`: (1, 2) index the output entry `(i, j)`, 3 the input node `k`.
 *
 * | # | partition | `out_ij =` |
 * |---|---|---|
 * | 0 | `{1,2,3}` | `δ_ij x_i` |
 * | 1 | `{1,2}{3}` | `δ_ij Σ_k x_k` |
 * | 2 | `{1,3}{2}` | `x_i` |
 * | 3 | `{1}{2,3}` | `x_j` |
 * | 4 | `{1}{2}{3}` | `Σ_k x_k` |
 */
export const BASIS_1_TO_2: readonly string[] = ['{1,2,3}', '{1,2}{3}', '{1,3}{2}', '{1}{2,3}', '{1}{2}{3}'];

/** Serializable config of {@link Equivariant1to2}. */
export interface Equivariant1to2Config {
  /** Input channels `C`. */
  inChannels: number;
  /** Output channels `C'`. */
  outChannels: number;
  /** Scaling of the sum over nodes. @default 'mean' */
  normalization?: BasisNormalization;
}

/**
 * Linear S_n-equivariant map from nodes to pairs, `R^{n×C} → R^{n×n×C'}` (Maron et al. 2019):
 * `out_ij = m_i m_j (Σ_{γ=0}^{4} L_γ(x)_ij W_γ + b_all + δ_ij b_diag)` with the operations of
 * {@link BASIS_1_TO_2}. `f(P x) = P f(x) Pᵀ`; entries touching padding are exactly zero.
 *
 * Shapes: `x [B,N,C]`, `nodeMask [B,N]` -> `[B,N,N,C']`. Parameters `weight [5,C,C']`,
 * `biasAll [C']`, `biasDiag [C']`.
 *
 * @example
 * ```ts
 * const lift = new Equivariant1to2({ inChannels: 8, outChannels: 16 }, createRng(0));
 * const h = lift.apply(x, nodeMask); // [B,N,N,16]
 * ```
 */
export class Equivariant1to2 extends BasisLayer<Equivariant1to2Config> {
  readonly className = 'Equivariant1to2';
  /** `[C']`. */
  readonly biasAll: tf.Variable;
  /** `[C']`. */
  readonly biasDiag: tf.Variable;

  /** @throws `InputError` for invalid channel counts or normalisation */
  constructor(config: Equivariant1to2Config, rng: Rng) {
    super(config, 5, rng);
    this.biasAll = this.addBias('biasAll');
    this.biasDiag = this.addBias('biasDiag');
  }

  /** Rebuilds from {@link Equivariant1to2.getConfig}. */
  static fromConfig(config: Equivariant1to2Config, rng: Rng): Equivariant1to2 {
    return new Equivariant1to2(config, rng);
  }

  /** `x [B,N,C]`, `nodeMask [B,N]` -> `[B,N,N,C']`. @throws `ShapeError` on bad shapes */
  apply(x: tf.Tensor, nodeMask: tf.Tensor): tf.Tensor {
    const { inChannels: c, outChannels: co, normalization } = this.config;
    checkNodes(x, nodeMask, c);
    return tf.tidy(() => {
      const [b, n] = nodeMask.shape;
      const xm = tf.mul(x, nodeMask3(nodeMask)); // [B,N,C]
      let s = tf.sum(xm, 1); // [B,C]
      if (normalization === 'mean') s = tf.div(s, nodeCount(nodeMask));
      const w = (k: number): tf.Tensor => tf.reshape(tf.slice(this.weight, [k, 0, 0], [1, c, co]), [c, co]);
      const sw = (k: number, bias?: tf.Tensor): tf.Tensor => dense(s, w(k), bias); // [B,C']
      const diagVec = tf.add(dense(xm, w(0)), tf.expandDims(sw(1, this.biasDiag), 1)); // [B,N,C']
      const iVec = tf.reshape(dense(xm, w(2)), [b, n, 1, co]);
      const jVec = tf.reshape(dense(xm, w(3)), [b, 1, n, co]);
      const all = tf.reshape(sw(4, this.biasAll), [b, 1, 1, co]);
      const out = tf.add(tf.mul(tf.expandDims(diagVec, 2), eye3(n)), tf.add(tf.add(iVec, jVec), all));
      return tf.mul(out, edgeMask4(nodeMask));
    });
  }
}
