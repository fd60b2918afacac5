import type * as tf from '@tensorflow/tfjs-core';
import { assertInteger, assertOneOf } from '../core/assert.js';
import type { Rng } from '../core/rng.js';
import { Module } from './Module.js';
import { dense } from './dense.js';
import { initValues, type Initializer } from './initializers.js';

/** Serializable config of {@link Linear}. */
export interface LinearConfig {
  /** Input width `din`. */
  inFeatures: number;
  /** Output width `dout`. */
  outFeatures: number;
  /** Learn a bias. @default true */
  bias?: boolean;
  /** Weight initialiser (the bias starts at zero). @default 'glorotUniform' */
  init?: Initializer;
}

const INITS: readonly Initializer[] = ['glorotUniform', 'heNormal', 'zeros', 'ones'];

/**
 * Fully connected layer on the last axis, `y = x W + b`, through the custom-gradient
 * {@link dense} op.
 *
 * Shapes: `x [..., din]` -> `[..., dout]`; parameters `weight [din, dout]`, `bias [dout]`.
 *
 * @example
 * ```ts
 * const lin = new Linear({ inFeatures: 16, outFeatures: 8 }, createRng(0));
 * const y = lin.apply(tf.ones([4, 16])); // [4, 8]
 * ```
 */
export class Linear extends Module<LinearConfig> {
  readonly className = 'Linear';
  /** `[din, dout]`. */
  readonly weight: tf.Variable;
  /** `[dout]`, or undefined without bias. */
  readonly bias: tf.Variable | undefined;
  private readonly config: Required<LinearConfig>;

  /**
   * @param config - widths, bias and initialiser
   * @param rng - the generator the weights are drawn from
   * @throws `InputError` for non-positive widths or an unknown initialiser
   */
  constructor(config: LinearConfig, rng: Rng) {
    super();
    assertInteger(config.inFeatures, 'config.inFeatures', { min: 1 });
    assertInteger(config.outFeatures, 'config.outFeatures', { min: 1 });
    const init = config.init ?? 'glorotUniform';
    assertOneOf(init, 'config.init', INITS);
    this.config = { inFeatures: config.inFeatures, outFeatures: config.outFeatures, bias: config.bias ?? true, init };
    const { inFeatures: din, outFeatures: dout } = this.config;
    this.weight = this.addParameter('weight', [din, dout], initValues(init, din * dout, din, dout, rng));
    this.bias = this.config.bias ? this.addParameter('bias', [dout], new Float32Array(dout)) : undefined;
  }

  /** Rebuilds a layer from {@link Linear.getConfig} (weights drawn from `rng`; load saved ones after). */
  static fromConfig(config: LinearConfig, rng: Rng): Linear {
    return new Linear(config, rng);
  }

  getConfig(): LinearConfig {
    return { ...this.config };
  }

  /** `x [..., din]` -> `[..., dout]`. @throws `ShapeError` on a width mismatch */
  apply(x: tf.Tensor): tf.Tensor {
    return dense(x, this.weight, this.bias);
  }
}
