import * as tf from '@tensorflow/tfjs-core';
import { assertFinite, assertInteger, assertOneOf } from '../core/assert.js';
import type { Rng } from '../core/rng.js';
import { Module } from './Module.js';
import { Linear } from './Linear.js';
import { LayerNorm } from './LayerNorm.js';
import { ACTIVATIONS, activation, type ActivationName } from './activation.js';
import { dropout } from './dropout.js';
import { dropoutRng, type ApplyOptions } from './Mlp.js';

/** Serializable config of {@link ResNet}. */
export interface ResNetConfig {
  /** Input width. */
  inFeatures: number;
  /** Width of the residual stream. */
  width: number;
  /** Number of residual blocks. */
  depth: number;
  /** Output width. */
  outFeatures: number;
  /** Hidden width inside each block. @default 2 * width */
  hiddenFeatures?: number;
  /** Normalisation at the start of each block (pre-norm). @default 'layer' */
  norm?: 'layer' | 'none';
  /** Nonlinearity. @default 'silu' */
  activation?: ActivationName;
  /** Dropout inside the blocks (training only). @default 0 */
  dropout?: number;
}

/**
 * Residual MLP (He et al. 2016, pre-norm variant): `h₀ = x W_in + b_in`, then for each block
 * `h ← h + W₂ drop(σ(W₁ norm(h) + b₁)) + b₂`, and `y = norm(h) W_out + b_out`.
 *
 * Shapes: `x [..., inFeatures]` -> `[..., outFeatures]`. Children: `input`, `blocks.i.norm`,
 * `blocks.i.fc1`, `blocks.i.fc2`, `outputNorm`, `output`. The second linear of each block starts
 * at zero, so a fresh ResNet is a linear map of its input (stable deep training).
 *
 * @example
 * ```ts
 * const net = new ResNet({ inFeatures: 8, width: 64, depth: 3, outFeatures: 8 }, createRng(0));
 * const y = net.apply(tf.ones([16, 8])); // [16, 8]
 * ```
 */
export class ResNet extends Module<ResNetConfig> {
  readonly className = 'ResNet';
  private readonly config: Required<ResNetConfig>;
  private readonly input: Linear;
  private readonly blocks: Array<{ norm: LayerNorm | undefined; fc1: Linear; fc2: Linear }>;
  private readonly outputNorm: LayerNorm | undefined;
  private readonly output: Linear;

  /** @throws `InputError` for invalid widths, depth, norm, activation or dropout */
  constructor(config: ResNetConfig, rng: Rng) {
    super();
    assertInteger(config.inFeatures, 'config.inFeatures', { min: 1 });
    assertInteger(config.width, 'config.width', { min: 1 });
    assertInteger(config.depth, 'config.depth', { min: 0 });
    assertInteger(config.outFeatures, 'config.outFeatures', { min: 1 });
    const hidden = config.hiddenFeatures ?? 2 * config.width;
    assertInteger(hidden, 'config.hiddenFeatures', { min: 1 });
    const norm = config.norm ?? 'layer';
    assertOneOf(norm, 'config.norm', ['layer', 'none'] as const);
    const act = config.activation ?? 'silu';
    assertOneOf(act, 'config.activation', ACTIVATIONS);
    const rate = config.dropout ?? 0;
    assertFinite(rate, 'config.dropout', { min: 0, max: 0.99 });
    this.config = { ...config, hiddenFeatures: hidden, norm, activation: act, dropout: rate };
    const w = config.width;
    this.input = this.addModule('input', new Linear({ inFeatures: config.inFeatures, outFeatures: w }, rng));
    this.blocks = [];
    for (let i = 0; i < config.depth; i++) {
      const n = norm === 'layer' ? this.addModule(`blocks.${i}.norm`, new LayerNorm({ features: w })) : undefined;
      const fc1 = this.addModule(`blocks.${i}.fc1`, new Linear({ inFeatures: w, outFeatures: hidden, init: 'heNormal' }, rng));
      const fc2 = this.addModule(`blocks.${i}.fc2`, new Linear({ inFeatures: hidden, outFeatures: w, init: 'zeros' }, rng));
      this.blocks.push({ norm: n, fc1, fc2 });
    }
    this.outputNorm = norm === 'layer' ? this.addModule('outputNorm', new LayerNorm({ features: w })) : undefined;
    this.output = this.addModule('output', new Linear({ inFeatures: w, outFeatures: config.outFeatures }, rng));
  }

  /** Rebuilds from {@link ResNet.getConfig}. */
  static fromConfig(config: ResNetConfig, rng: Rng): ResNet {
    return new ResNet(config, rng);
  }

  getConfig(): ResNetConfig {
    return { ...this.config };
  }

  /** `x [..., inFeatures]` -> `[..., outFeatures]`. */
  apply(x: tf.Tensor, options: ApplyOptions = {}): tf.Tensor {
    const drng = dropoutRng(this.config.dropout, options);
    let h = this.input.apply(x);
    for (const b of this.blocks) {
      let u = b.norm ? b.norm.apply(h) : h;
      u = activation(b.fc1.apply(u), this.config.activation);
      if (drng !== undefined) u = dropout(u, this.config.dropout, drng);
      h = tf.add(h, b.fc2.apply(u));
    }
    return this.output.apply(this.outputNorm ? this.outputNorm.apply(h) : h);
  }
}
