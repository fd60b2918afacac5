import * as tf from '@tensorflow/tfjs-core';
import type { Rng } from '../core/rng.js';
import { BasisLayer } from './BasisLayer.js';
import { dense } from '../nn/dense.js';
import type { BasisNormalization } from './BasisLayer.js';
import { checkEdges, edgeMask4, pairReductions } from './masking.js';

/**
 * The 2 basis operations of linear S_n-invariant maps `R^{n×n} → R` (Maron et al. 2019), named
 * by partitions of the input indices `{1, 2}`: `{1,2}` is the trace `Σ_k T_kk`, `{1}{2}` the
 * total sum `Σ_kl T_kl`.
 */
export const BASIS_2_TO_0: readonly string[] = ['{1,2}', '{1}{2}'];

/** Serializable config of {@link Equivariant2to0}. */
export interface Equivariant2to0Config {
  /** Input channels `C`. */
  inChannels: number;
  /** Output channels `C'`. */
  outChannels: number;
  /** Scaling: `'mean'` divides the trace by `n_b` and the total by `n_b²`. @default 'mean' */
  normalization?: BasisNormalization;
}

/**
 * Invariant readout of a pair tensor, `R^{n×n×C} → R^{C'}` (Maron et al. 2019):
 * `y = tr(T) W₀ + (Σ_kl T_kl) W₁ + b`, i.e. the operations of {@link BASIS_2_TO_0}.
 * `f(P T Pᵀ) = f(T)`; padded entries are ignored.
 *
 * Shapes: `t [B,N,N,C]`, `nodeMask [B,N]` -> `y [B,C']`. Parameters `weight [2,C,C']`, `bias [C']`.
 *
 * @example
 * ```ts
 * const readout = new Equivariant2to0({ inChannels: 16, outChannels: 1 }, createRng(0));
 * const y = readout.apply(h, nodeMask); // [B,1]
 * ```
 */
export class Equivariant2to0 extends BasisLayer<Equivariant2to0Config> {
  readonly className = 'Equivariant2to0';
  /** `[C']`. */
  readonly bias: tf.Variable;

  /** @throws `InputError` for invalid channel counts or normalisation */
  constructor(config: Equivariant2to0Config, rng: Rng) {
    super(config, 2, rng);
    this.bias = this.addBias('bias');
  }

  /** Rebuilds from {@link Equivariant2to0.getConfig}. */
  static fromConfig(config: Equivariant2to0Config, rng: Rng): Equivariant2to0 {
    return new Equivariant2to0(config, rng);
  }

  /** `t [B,N,N,C]`, `nodeMask [B,N]` -> `[B,C']`. @throws `ShapeError` on bad shapes */
  apply(t: tf.Tensor, nodeMask: tf.Tensor): tf.Tensor {
    const { inChannels: c, outChannels: co, normalization } = this.config;
    checkEdges(t, nodeMask, c, 't');
    return tf.tidy(() => {
      const r = pairReductions(tf.mul(t, edgeMask4(nodeMask)), nodeMask, normalization === 'mean');
      return dense(tf.concat([r.trace, r.total], -1), tf.reshape(this.weight, [2 * c, co]), this.bias);
    });
  }
}
