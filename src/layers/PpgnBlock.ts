import * as tf from '@tensorflow/tfjs-core';
import { assertInteger } from '../core/assert.js';
import type { Rng } from '../core/rng.js';
import { Module } from '../nn/Module.js';
import { Mlp } from '../nn/Mlp.js';
import { channelsFirst, channelsLast } from '../nn/transposeKernel.js';
import { checkEdges, edgeMask4, nodeCount } from './masking.js';

/** Serializable config of {@link PpgnBlock}. */
export interface PpgnBlockConfig {
  /** Input channels `C`. */
  inChannels: number;
  /** Channels of the two multiplied branches `C_h` and of the output. */
  outChannels: number;
  /** Depth of each branch MLP (number of linear layers, ≥ 1). @default 2 */
  mlpDepth?: number;
  /** Divide the matrix product by the node count `n_b` (keeps scales stable for large graphs). @default true */
  normalize?: boolean;
}

/**
 * Block of the provably powerful graph network (PPGN, Maron et al. 2019, "Provably powerful
 * graph networks"), as strong as 2-FWL/3-WL on the pair tensor:
 *
 * `M₁ = mlp₁(T)`, `M₂ = mlp₂(T)` (pointwise on channels, `[B,N,N,C_h]`),
 * `P[:,:,c] = M₁[:,:,c] · M₂[:,:,c]` (one n×n matrix product per channel, divided by `n_b` when
 * `normalize`), `out = mlp₃([T ‖ P])` (skip by concatenation).
 *
 * Entries of `M₁`, `M₂` touching padding are zeroed before the product, so padding never mixes
 * into real entries; output entries touching padding are exactly zero. Equivariance:
 * `f(P T Pᵀ) = P f(T) Pᵀ`.
 *
 * Shapes: `t [B,N,N,C]`, `nodeMask [B,N]` -> `[B,N,N,C_h]`. Children `mlp1`, `mlp2`, `mlp3`.
 *
 * @example
 * ```ts
 * const block = new PpgnBlock({ inChannels: 2, outChannels: 32 }, createRng(0));
 * const h = block.apply(e, nodeMask); // [B,N,N,32]
 * ```
 */
export class PpgnBlock extends Module<PpgnBlockConfig> {
  readonly className = 'PpgnBlock';
  private readonly config: Required<PpgnBlockConfig>;
  private readonly mlp1: Mlp;
  private readonly mlp2: Mlp;
  private readonly mlp3: Mlp;

  /** @throws `InputError` for invalid channel counts or depth */
  constructor(config: PpgnBlockConfig, rng: Rng) {
    super();
    assertInteger(config.inChannels, 'config.inChannels', { min: 1 });
    assertInteger(config.outChannels, 'config.outChannels', { min: 1 });
    const depth = config.mlpDepth ?? 2;
    assertInteger(depth, 'config.mlpDepth', { min: 1 });
    this.config = { inChannels: config.inChannels, outChannels: config.outChannels, mlpDepth: depth, normalize: config.normalize ?? true };
    const { inChannels: c, outChannels: h } = this.config;
    const hidden = Array.from({ length: depth - 1 }, () => h);
    this.mlp1 = this.addModule('mlp1', new Mlp({ inFeatures: c, hiddenFeatures: hidden, outFeatures: h, activateOutput: true }, rng));
    this.mlp2 = this.addModule('mlp2', new Mlp({ inFeatures: c, hiddenFeatures: hidden, outFeatures: h, activateOutput: true }, rng));
    this.mlp3 = this.addModule('mlp3', new Mlp({ inFeatures: c + h, hiddenFeatures: [], outFeatures: h }, rng));
  }

  /** Rebuilds from {@link PpgnBlock.getConfig}. */
  static fromConfig(config: PpgnBlockConfig, rng: Rng): PpgnBlock {
    return new PpgnBlock(config, rng);
  }

  getConfig(): PpgnBlockConfig {
    return { ...this.config };
  }

  /** `t [B,N,N,C]`, `nodeMask [B,N]` -> `[B,N,N,C_h]`. @throws `ShapeError` on bad shapes */
  apply(t: tf.Tensor, nodeMask: tf.Tensor): tf.Tensor {
    checkEdges(t, nodeMask, this.config.inChannels, 't');
    return tf.tidy(() => {
      const em = edgeMask4(nodeMask); // [B,N,N,1]
      const tm = tf.mul(t, em);
      const m1 = channelsFirst(tf.mul(this.mlp1.apply(tm), em) as tf.Tensor4D); // [B,C_h,N,N]
      const m2 = channelsFirst(tf.mul(this.mlp2.apply(tm), em) as tf.Tensor4D); // [B,C_h,N,N]
      let prod: tf.Tensor = channelsLast(tf.matMul(m1, m2)); // [B,N,N,C_h]
      if (this.config.normalize) prod = tf.div(prod, tf.reshape(nodeCount(nodeMask), [-1, 1, 1, 1]));
      return tf.mul(this.mlp3.apply(tf.concat([tm, prod], -1)), em);
    });
  }
}
