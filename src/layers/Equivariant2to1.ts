import * as tf from '@tensorflow/tfjs-core';
import type { Rng } from '../core/rng.js';
import { BasisLayer } from './BasisLayer.js';
import { dense } from '../nn/dense.js';
import type { BasisNormalization } from './BasisLayer.js';
import { checkEdges, edgeMask4, nodeMask3, pairReductions } from './masking.js';

/**
 * The 5 basis operations of linear S_n-equivariant maps `R^{n×n} → R^n` (Maron et al. 2019),
 * named by partitions of `{1, 2, 3}`: 1 indexes the output node `i`, (2, 3) the input entry
 * `(k, l)`.
 *
 * | # | partition | `out_i =` |
 * |---|---|---|
 * | 0 | `{1,2,3}` | `T_ii` |
 * | 1 | `{1,2}{3}` | `Σ_l T_il` |
 * | 2 | `{1,3}{2}` | `Σ_k T_ki` |
 * | 3 | `{1}{2,3}` | `Σ_k T_kk` |
 * | 4 | `{1}{2}{3}` | `Σ_kl T_kl` |
 */
export const BASIS_2_TO_1: readonly string[] = ['{1,2,3}', '{1,2}{3}', '{1,3}{2}', '{1}{2,3}', '{1}{2}{3}'];

/** Serializable config of {@link Equivariant2to1}. */
export interface Equivariant2to1Config {
  /** Input channels `C`. */
  inChannels: number;
  /** Output channels `C'`. */
  outChannels: number;
  /** Scaling of the sums (see {@link basis2to2}). @default 'mean' */
  normalization?: BasisNormalization;
}

/**
 * Linear S_n-equivariant map from pairs to nodes, `R^{n×n×C} → R^{n×C'}` (Maron et al. 2019):
 * `out_i = m_i (Σ_{γ=0}^{4} L_γ(T)_i W_γ + b)` with the operations of {@link BASIS_2_TO_1}.
 * `f(P T Pᵀ) = P f(T)`; padded rows are exactly zero.
 *
 * Shapes: `t [B,N,N,C]`, `nodeMask [B,N]` -> `[B,N,C']`. Parameters `weight [5,C,C']`, `bias [C']`.
 *
 * @example
 * ```ts
 * const pool = new Equivariant2to1({ inChannels: 16, outChannels: 32 }, createRng(0));
 * const x = pool.apply(h, nodeMask); // [B,N,32]
 * ```
 */
export class Equivariant2to1 extends BasisLayer<Equivariant2to1Config> {
  readonly className = 'Equivariant2to1';
  /** `[C']`. */
  readonly bias: tf.Variable;

  /** @throws `InputError` for invalid channel counts or normalisation */
  constructor(config: Equivariant2to1Config, rng: Rng) {
    super(config, 5, rng);
    this.bias = this.addBias('bias');
  }

  /** Rebuilds from {@link Equivariant2to1.getConfig}. */
  static fromConfig(config: Equivariant2to1Config, rng: Rng): Equivariant2to1 {
    return new Equivariant2to1(config, rng);
  }

  /** `t [B,N,N,C]`, `nodeMask [B,N]` -> `[B,N,C']`. @throws `ShapeError` on bad shapes */
  apply(t: tf.Tensor, nodeMask: tf.Tensor): tf.Tensor {
    const { inChannels: c, outChannels: co, normalization } = this.config;
    checkEdges(t, nodeMask, c, 't');
    return tf.tidy(() => {
      const n = t.shape[1] as number;
      const r = pairReductions(tf.mul(t, edgeMask4(nodeMask)), nodeMask, normalization === 'mean');
      const glob = tf.tile(tf.expandDims(tf.concat([r.trace, r.total], -1), 1), [1, n, 1]); // [B,N,2C]
      const inp = tf.concat([r.diag, r.rowSum, r.colSum, glob], -1); // [B,N,5C]
      return tf.mul(dense(inp, tf.reshape(this.weight, [5 * c, co]), this.bias), nodeMask3(nodeMask));
    });
  }
}
