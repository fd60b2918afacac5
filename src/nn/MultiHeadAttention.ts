import * as tf from '@tensorflow/tfjs-core';
import { assertFinite, assertInteger } from '../core/assert.js';
import { InputError, ShapeError } from '../core/errors.js';
import type { Rng } from '../core/rng.js';
import { Module } from './Module.js';
import { Linear } from './Linear.js';
import { dropout } from './dropout.js';
import { dropoutRng, type ApplyOptions } from './Mlp.js';

/** Serializable config of {@link MultiHeadAttention}. */
export interface MultiHeadAttentionConfig {
  /** Model width `d` (divisible by `numHeads`). */
  dModel: number;
  /** Number of heads `H`. */
  numHeads: number;
  /** Dropout on the attention weights (training only). @default 0 */
  dropout?: number;
}

/** Large negative logit given to masked keys. */
const MASKED = -1e9;

/**
 * Builds the additive key bias `[B,1,1,N]` from `keyMask [B,N]`: 0 for real keys, -1e9 for
 * padding, so that padded keys get zero attention weight after the softmax.
 */
export function keyBias(keyMask: tf.Tensor): tf.Tensor {
  const [b, n] = keyMask.shape;
  return tf.reshape(tf.mul(tf.sub(1, keyMask), MASKED), [b, 1, 1, n]);
}

/**
 * Multi-head scaled dot-product self-attention with a key mask (Vaswani et al. 2017):
 *
 * `Q = x W_q, K = x W_k, V = x W_v` split into `H` heads of width `d_h = d / H`,
 * `A_h = softmax(Q_h K_hᵀ / √d_h + bias)` with `bias[b, j] = −10⁹` for padded keys `j`,
 * `y = concat_h(A_h V_h) W_o + b_o`.
 *
 * Shapes: `x [B,N,d]`, `keyMask [B,N]` (1 = real, 0 = padding; optional) -> `[B,N,d]`. Rows
 * of padded queries are computed but meaningless; callers mask them. Products use no transpose
 * flags (fast backward on wasm).
 *
 * @example
 * ```ts
 * const mha = new MultiHeadAttention({ dModel: 64, numHeads: 4 }, createRng(0));
 * const y = mha.apply(x, nodeMask); // x [B,N,64]
 * ```
 */
export class MultiHeadAttention extends Module<MultiHeadAttentionConfig> {
  readonly className = 'MultiHeadAttention';
  private readonly config: Required<MultiHeadAttentionConfig>;
  private readonly wq: Linear;
  private readonly wk: Linear;
  private readonly wv: Linear;
  private readonly wo: Linear;

  /** @throws `InputError` when `dModel` is not divisible by `numHeads` */
  constructor(config: MultiHeadAttentionConfig, rng: Rng) {
    super();
    assertInteger(config.dModel, 'config.dModel', { min: 1 });
    assertInteger(config.numHeads, 'config.numHeads', { min: 1 });
    if (config.dModel % config.numHeads !== 0) {
      throw InputError.invalid('config.numHeads', `a divisor of dModel = ${config.dModel}`, String(config.numHeads));
    }
    const rate = config.dropout ?? 0;
    assertFinite(rate, 'config.dropout', { min: 0, max: 0.99 });
    this.config = { dModel: config.dModel, numHeads: config.numHeads, dropout: rate };
    const d = config.dModel;
    this.wq = this.addModule('wq', new Linear({ inFeatures: d, outFeatures: d }, rng));
    this.wk = this.addModule('wk', new Linear({ inFeatures: d, outFeatures: d }, rng));
    this.wv = this.addModule('wv', new Linear({ inFeatures: d, outFeatures: d }, rng));
    this.wo = this.addModule('wo', new Linear({ inFeatures: d, outFeatures: d }, rng));
  }

  /** Rebuilds from {@link MultiHeadAttention.getConfig}. */
  static fromConfig(config: MultiHeadAttentionConfig, rng: Rng): MultiHeadAttention {
    return new MultiHeadAttention(config, rng);
  }

  getConfig(): MultiHeadAttentionConfig {
    return { ...this.config };
  }

  /** `x [B,N,d]`, `keyMask [B,N]` -> `[B,N,d]`. @throws `ShapeError` on bad shapes */
  apply(x: tf.Tensor, keyMask?: tf.Tensor, options: ApplyOptions = {}): tf.Tensor {
    const { dModel: d, numHeads: h } = this.config;
    if (x.rank !== 3 || x.shape[2] !== d) throw ShapeError.mismatch('x', `[B,N,${d}]`, `[${x.shape.join(', ')}]`);
    const [b, n] = x.shape;
    if (keyMask !== undefined && (keyMask.rank !== 2 || keyMask.shape[0] !== b || keyMask.shape[1] !== n)) {
      throw ShapeError.mismatch('keyMask', `[${b},${n}]`, `[${keyMask.shape.join(', ')}]`);
    }
    const drng = dropoutRng(this.config.dropout, options);
    const dh = d / h;
    const heads = (t: tf.Tensor): tf.Tensor => tf.transpose(tf.reshape(t, [b, n, h, dh]), [0, 2, 1, 3]); // [B,H,N,dh]
    const q = heads(this.wq.apply(x));
    const kT = tf.transpose(tf.reshape(this.wk.apply(x), [b, n, h, dh]), [0, 2, 3, 1]); // [B,H,dh,N]
    const v = heads(this.wv.apply(x));
    let logits = tf.mul(tf.matMul(q, kT), 1 / Math.sqrt(dh)); // [B,H,N,N]
    if (keyMask !== undefined) logits = tf.add(logits, keyBias(keyMask));
    let att = tf.softmax(logits); // [B,H,N,N]
    if (drng !== undefined) att = dropout(att, this.config.dropout, drng);
    const o = tf.reshape(tf.transpose(tf.matMul(att, v), [0, 2, 1, 3]), [b, n, d]); // [B,N,d]
    return this.wo.apply(o);
  }
}
