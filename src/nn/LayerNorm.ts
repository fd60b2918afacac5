import * as tf from '@tensorflow/tfjs-core';
import { assertInteger, assertPositive } from '../core/assert.js';
import { ShapeError } from '../core/errors.js';
import { Module } from './Module.js';
import { layerNormKernel } from './layerNormKernel.js';
import { columnSums } from './transposeTall.js';

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
 * On the wasm backend (when `d` is a multiple of 4) forward and backward are graphgen SIMD
 * kernels (`src/nn/kernels/layerNorm.c`, one pass over the rows each instead of about ten tfjs
 * kernels); elsewhere a tfjs-ops custom gradient with the same formulas.
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
  private readonly op: (x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor) => tf.Tensor;
  private readonly eps: number;

  /** @throws `InputError` for a non-positive width or eps */
  constructor(config: LayerNormConfig) {
    super();
    assertInteger(config.features, 'config.features', { min: 1 });
    const eps = config.eps ?? 1e-5;
    assertPositive(eps, 'config.eps');
    this.config = { features: config.features, eps };
    this.op = layerNormOp(eps);
    this.eps = eps;
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
    return layerNormKernel(x, this.gamma, this.beta, this.eps) ?? this.op(x, this.gamma, this.beta);
  }
}

type CustomFn = Parameters<typeof tf.customGrad>[0];

/** Column sums of `t [..., d]` over all leading axes -> `[d]`. */
function sumRows(t: tf.Tensor, d: number): tf.Tensor {
  return columnSums(tf.reshape(t, [-1, d]) as tf.Tensor2D);
}

/**
 * `γ ⊙ x̂ + β` with `x̂ = (x − μ) / sqrt(σ² + ε)` over the last axis, with the textbook gradient
 * (`g = ∂y ⊙ γ`): `∂x = (g − mean(g) − x̂ ⊙ mean(g ⊙ x̂)) / sqrt(σ² + ε)`,
 * `∂γ = Σ ∂y ⊙ x̂`, `∂β = Σ ∂y` (sums over the leading axes). About half the kernels of
 * autodiff through the mean and variance, which matters on the edge tensors of graph layers.
 */
function layerNormOp(eps: number): (x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor) => tf.Tensor {
  return tf.customGrad(((xi: tf.Tensor, g: tf.Tensor, b: tf.Tensor, save: tf.GradSaveFunc) => {
      const mu = tf.mean(xi, -1, true);
      const xc = tf.sub(xi, mu);
      const r = tf.rsqrt(tf.add(tf.mean(tf.square(xc), -1, true), eps)); // [..., 1]
      const xh = tf.mul(xc, r);
      save([xh, r, g]);
      return {
        value: tf.add(tf.mul(xh, g), b),
        gradFunc: (dy: tf.Tensor, [xhs, rs, gs]: tf.Tensor[]) => {
          const d = gs.shape[0];
          const gx = tf.mul(dy, gs);
          const inner = tf.sub(tf.sub(gx, tf.mean(gx, -1, true)), tf.mul(xhs, tf.mean(tf.mul(gx, xhs), -1, true)));
          return [tf.mul(inner, rs), sumRows(tf.mul(dy, xhs), d), sumRows(dy, d)];
        },
      };
    }) as unknown as CustomFn) as unknown as (x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor) => tf.Tensor;
}

