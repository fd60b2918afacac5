import * as tf from '@tensorflow/tfjs-core';
import { assertInteger, assertPositive } from '../core/assert.js';
import { ShapeError } from '../core/errors.js';
import { Module } from './Module.js';

/** Serializable config of {@link LayerNorm}. */
export interface LayerNormConfig {
  /** Width of the normalised last axis. */
  features: number;
  /** Added to the variance. @default 1e-5 */
  eps?: number;
}

/**
 * Layer normalisation over the last axis (Ba et al. 2016):
 * `y = γ ⊙ (x − μ) / sqrt(σ² + ε) + β`, with `μ`, `σ²` the mean and (biased) variance of
 * `x[..., :]`. Parameters `gamma [d]` (ones) and `beta [d]` (zeros); no randomness.
 *
 * Rows that are entirely zero (padding) map to `β`; masked layers multiply by their mask
 * afterwards.
 *
 * @example
 * ```ts
 * const ln = new LayerNorm({ features: 8 });
 * const y = ln.apply(tf.randomNormal([4, 8])); // [4, 8]
 * ```
 */
export class LayerNorm extends Module<LayerNormConfig> {
  readonly className = 'LayerNorm';
  /** Scale `[d]`. */
  readonly gamma: tf.Variable;
  /** Shift `[d]`. */
  readonly beta: tf.Variable;
  private readonly config: Required<LayerNormConfig>;

  /** @throws `InputError` for a non-positive width or eps */
  constructor(config: LayerNormConfig) {
    super();
    assertInteger(config.features, 'config.features', { min: 1 });
    const eps = config.eps ?? 1e-5;
    assertPositive(eps, 'config.eps');
    this.config = { features: config.features, eps };
    this.gamma = this.addParameter('gamma', [config.features], new Float32Array(config.features).fill(1));
    this.beta = this.addParameter('beta', [config.features], new Float32Array(config.features));
  }

  /** Rebuilds from {@link LayerNorm.getConfig}. */
  static fromConfig(config: LayerNormConfig): LayerNorm {
    return new LayerNorm(config);
  }

  getConfig(): LayerNormConfig {
    return { ...this.config };
  }

  /** `x [..., d]` -> `[..., d]`. @throws `ShapeError` when the last axis is not `d` */
  apply(x: tf.Tensor): tf.Tensor {
    const d = this.config.features;
    if (x.shape[x.rank - 1] !== d) throw ShapeError.mismatch('x', `[..., ${d}]`, `[${x.shape.join(', ')}]`);
    return tf.tidy(() => {
      const mu = tf.mean(x, -1, true);
      const xc = tf.sub(x, mu);
      const v = tf.mean(tf.square(xc), -1, true);
      return tf.add(tf.mul(tf.mul(xc, tf.rsqrt(tf.add(v, this.config.eps))), this.gamma), this.beta);
    });
  }
}
