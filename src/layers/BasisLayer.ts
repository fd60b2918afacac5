import type * as tf from '@tensorflow/tfjs-core';
import { assertInteger, assertOneOf } from '../core/assert.js';
import type { Rng } from '../core/rng.js';
import { Module } from '../nn/Module.js';
import { initValues } from '../nn/initializers.js';

/** How the sums of a basis operation are scaled: `'sum'` as is, `'mean'` divided by the node count (per power). */
export type BasisNormalization = 'sum' | 'mean';

/** The config every linear basis layer shares. */
export interface BasisLayerConfig {
  /** Input channels `C`. */
  inChannels: number;
  /** Output channels `C'`. */
  outChannels: number;
  /** Scaling of the sums. @default 'mean' */
  normalization?: BasisNormalization;
}

/**
 * Common part of the linear S_n-equivariant/invariant layers built on a basis of `k` operations
 * (Maron et al. 2019): validates the channel config and owns the mixing weight `[k, C, C']`
 * (Glorot-uniform from `rng`), drawn before any bias so that parameter streams are stable.
 * Subclasses add their biases and the `apply` that evaluates the basis.
 */
export abstract class BasisLayer<C extends BasisLayerConfig> extends Module<C> {
  /** Mixing weights of the basis operations, `[k, C, C']`. */
  readonly weight: tf.Variable;
  /** The validated config with defaults filled in. */
  protected readonly config: Required<BasisLayerConfig>;

  /** @throws `InputError` for invalid channel counts or normalisation */
  protected constructor(config: C, numOperations: number, rng: Rng) {
    super();
    assertInteger(config.inChannels, 'config.inChannels', { min: 1 });
    assertInteger(config.outChannels, 'config.outChannels', { min: 1 });
    const normalization = config.normalization ?? 'mean';
    assertOneOf(normalization, 'config.normalization', ['sum', 'mean'] as const);
    this.config = { inChannels: config.inChannels, outChannels: config.outChannels, normalization };
    const k = numOperations;
    const { inChannels: c, outChannels: co } = this.config;
    this.weight = this.addParameter('weight', [k, c, co], initValues('glorotUniform', k * c * co, k * c, co, rng));
  }

  /** A zero-initialised bias `[C']` named `name`. */
  protected addBias(name: string): tf.Variable {
    return this.addParameter(name, [this.config.outChannels], new Float32Array(this.config.outChannels));
  }

  getConfig(): C {
    return { ...this.config } as C;
  }
}
