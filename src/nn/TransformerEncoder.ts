import * as tf from '@tensorflow/tfjs-core';
import { assertFinite, assertInteger, assertOneOf } from '../core/assert.js';
import { ShapeError } from '../core/errors.js';
import type { Rng } from '../core/rng.js';
import { Module } from './Module.js';
import { Linear } from './Linear.js';
import { LayerNorm } from './LayerNorm.js';
import { MultiHeadAttention } from './MultiHeadAttention.js';
import { ACTIVATIONS, activation, type ActivationName } from './activation.js';
import { dropout } from './dropout.js';
import { dropoutRng, type ApplyOptions } from './Mlp.js';

/** Serializable config of {@link TransformerEncoder}. */
export interface TransformerEncoderConfig {
  /** Model width `d`. */
  dModel: number;
  /** Attention heads (divides `dModel`). */
  numHeads: number;
  /** Number of encoder layers. */
  numLayers: number;
  /** Feed-forward hidden width. @default 4 * dModel */
  ffFeatures?: number;
  /** Dropout on attention weights and residual branches (training only). @default 0 */
  dropout?: number;
  /** Feed-forward nonlinearity. @default 'gelu' */
  activation?: ActivationName;
}

/**
 * Pre-LN Transformer encoder (Vaswani et al. 2017; pre-norm placement of Xiong et al. 2020)
 * over a padded set of tokens. Each layer computes
 *
 * `h ← h + drop(MHA(LN₁(h), keyMask))`, `h ← h + drop(W₂ σ(W₁ LN₂(h) + b₁) + b₂)`,
 *
 * then `y = LN_f(h) ⊙ mask`. Padded tokens never influence real ones (their keys are masked)
 * and their outputs are exactly zero. Without positional encodings the encoder is
 * permutation-equivariant over tokens.
 *
 * Shapes: `x [B,N,d]`, `mask [B,N]` (optional) -> `[B,N,d]`.
 *
 * @example
 * ```ts
 * const enc = new TransformerEncoder({ dModel: 64, numHeads: 4, numLayers: 2 }, createRng(0));
 * const y = enc.apply(x, nodeMask, { training: true, rng });
 * ```
 */
export class TransformerEncoder extends Module<TransformerEncoderConfig> {
  readonly className = 'TransformerEncoder';
  private readonly config: Required<TransformerEncoderConfig>;
  private readonly layers: Array<{ ln1: LayerNorm; attn: MultiHeadAttention; ln2: LayerNorm; ff1: Linear; ff2: Linear }>;
  private readonly lnFinal: LayerNorm;

  /** @throws `InputError` for invalid widths, heads, dropout or activation */
  constructor(config: TransformerEncoderConfig, rng: Rng) {
    super();
    assertInteger(config.dModel, 'config.dModel', { min: 1 });
    assertInteger(config.numLayers, 'config.numLayers', { min: 0 });
    const ff = config.ffFeatures ?? 4 * config.dModel;
    assertInteger(ff, 'config.ffFeatures', { min: 1 });
    const rate = config.dropout ?? 0;
    assertFinite(rate, 'config.dropout', { min: 0, max: 0.99 });
    const act = config.activation ?? 'gelu';
    assertOneOf(act, 'config.activation', ACTIVATIONS);
    this.config = { ...config, ffFeatures: ff, dropout: rate, activation: act };
    const d = config.dModel;
    this.layers = [];
    for (let l = 0; l < config.numLayers; l++) {
      this.layers.push({
        ln1: this.addModule(`layers.${l}.ln1`, new LayerNorm({ features: d })),
        attn: this.addModule(`layers.${l}.attn`, new MultiHeadAttention({ dModel: d, numHeads: config.numHeads, dropout: rate }, rng)),
        ln2: this.addModule(`layers.${l}.ln2`, new LayerNorm({ features: d })),
        ff1: this.addModule(`layers.${l}.ff1`, new Linear({ inFeatures: d, outFeatures: ff, init: 'heNormal' }, rng)),
        ff2: this.addModule(`layers.${l}.ff2`, new Linear({ inFeatures: ff, outFeatures: d }, rng)),
      });
    }
    this.lnFinal = this.addModule('lnFinal', new LayerNorm({ features: d }));
  }

  /** Rebuilds from {@link TransformerEncoder.getConfig}. */
  static fromConfig(config: TransformerEncoderConfig, rng: Rng): TransformerEncoder {
    return new TransformerEncoder(config, rng);
  }

  getConfig(): TransformerEncoderConfig {
    return { ...this.config };
  }

  /** `x [B,N,d]`, `mask [B,N]` -> `[B,N,d]` (padded rows zero). */
  apply(x: tf.Tensor, mask?: tf.Tensor, options: ApplyOptions = {}): tf.Tensor {
    const d = this.config.dModel;
    if (x.rank !== 3 || x.shape[2] !== d) throw ShapeError.mismatch('x', `[B,N,${d}]`, `[${x.shape.join(', ')}]`);
    const drng = dropoutRng(this.config.dropout, options);
    const rate = this.config.dropout;
    const m3 = mask === undefined ? undefined : tf.expandDims(mask, -1); // [B,N,1]
    let h = x;
    for (const L of this.layers) {
      let a = L.attn.apply(L.ln1.apply(h), mask, options);
      if (drng !== undefined) a = dropout(a, rate, drng);
      h = tf.add(h, a);
      let f = L.ff2.apply(activation(L.ff1.apply(L.ln2.apply(h)), this.config.activation));
      if (drng !== undefined) f = dropout(f, rate, drng);
      h = tf.add(h, f);
      if (m3 !== undefined) h = tf.mul(h, m3);
    }
    const y = this.lnFinal.apply(h);
    return m3 === undefined ? y : tf.mul(y, m3);
  }
}
