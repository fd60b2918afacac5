import type * as tf from '@tensorflow/tfjs-core';
import { assertFinite, assertInteger, assertOneOf } from '../core/assert.js';
import { InputError, describeValue } from '../core/errors.js';
import type { Rng } from '../core/rng.js';
import { Module } from './Module.js';
import { Linear } from './Linear.js';
import { ACTIVATIONS, activation, type ActivationName } from './activation.js';
import { dropout } from './dropout.js';

/** Serializable config of {@link Mlp}. */
export interface MlpConfig {
  /** Input width. */
  inFeatures: number;
  /** Widths of the hidden layers (may be empty: a single linear map). */
  hiddenFeatures: number[];
  /** Output width. */
  outFeatures: number;
  /** Hidden nonlinearity. @default 'relu' */
  activation?: ActivationName;
  /** Apply the nonlinearity to the output too. @default false */
  activateOutput?: boolean;
  /** Dropout rate after each hidden nonlinearity (training only). @default 0 */
  dropout?: number;
}

/** Per-call options of the modules' `apply` (training mode, dropout generator). */
export interface ApplyOptions {
  /** Training mode: dropout is active. @default false */
  training?: boolean;
  /** Generator of dropout masks; required when training with dropout > 0. */
  rng?: Rng;
}

/** Resolves the dropout generator, throwing when training with dropout and no rng. */
export function dropoutRng(rate: number, options: ApplyOptions): Rng | undefined {
  if (!options.training || rate === 0) return undefined;
  if (options.rng === undefined) throw InputError.invalid('options.rng', 'an Rng when training with dropout > 0', 'undefined');
  return options.rng;
}

/**
 * Multi-layer perceptron on the last axis:
 * `h₀ = x`, `h_{l+1} = drop(σ(h_l W_l + b_l))` for the hidden layers, `y = h_L W_L + b_L`
 * (and `σ(y)` when `activateOutput`).
 *
 * Shapes: `x [..., inFeatures]` -> `[..., outFeatures]`. Child names `layers.0`, `layers.1`, ...
 *
 * @example
 * ```ts
 * const mlp = new Mlp({ inFeatures: 16, hiddenFeatures: [64, 64], outFeatures: 4 }, createRng(0));
 * const y = mlp.apply(x);                          // inference
 * const yt = mlp.apply(x, { training: true, rng }); // dropout active
 * ```
 */
export class Mlp extends Module<MlpConfig> {
  readonly className = 'Mlp';
  /** The linear layers, input to output. */
  readonly layers: Linear[];
  private readonly config: Required<MlpConfig>;

  /** @throws `InputError` for invalid widths, activation or dropout */
  constructor(config: MlpConfig, rng: Rng) {
    super();
    assertInteger(config.inFeatures, 'config.inFeatures', { min: 1 });
    assertInteger(config.outFeatures, 'config.outFeatures', { min: 1 });
    if (!Array.isArray(config.hiddenFeatures)) {
      throw InputError.invalid('config.hiddenFeatures', 'an array of widths', describeValue(config.hiddenFeatures));
    }
    config.hiddenFeatures.forEach((h, i) => assertInteger(h, `config.hiddenFeatures[${i}]`, { min: 1 }));
    const act = config.activation ?? 'relu';
    assertOneOf(act, 'config.activation', ACTIVATIONS);
    const rate = config.dropout ?? 0;
    assertFinite(rate, 'config.dropout', { min: 0, max: 0.99 });
    this.config = {
      inFeatures: config.inFeatures,
      hiddenFeatures: [...config.hiddenFeatures],
      outFeatures: config.outFeatures,
      activation: act,
      activateOutput: config.activateOutput ?? false,
      dropout: rate,
    };
    const widths = [config.inFeatures, ...config.hiddenFeatures, config.outFeatures];
    const init = act === 'relu' || act === 'silu' || act === 'gelu' ? 'heNormal' : 'glorotUniform';
    this.layers = [];
    for (let l = 0; l + 1 < widths.length; l++) {
      const last = l + 2 === widths.length;
      this.layers.push(
        this.addModule(`layers.${l}`, new Linear({ inFeatures: widths[l], outFeatures: widths[l + 1], init: last ? 'glorotUniform' : init }, rng)),
      );
    }
  }

  /** Rebuilds from {@link Mlp.getConfig}. */
  static fromConfig(config: MlpConfig, rng: Rng): Mlp {
    return new Mlp(config, rng);
  }

  getConfig(): MlpConfig {
    return { ...this.config, hiddenFeatures: [...this.config.hiddenFeatures] };
  }

  /** `x [..., inFeatures]` -> `[..., outFeatures]`. */
  apply(x: tf.Tensor, options: ApplyOptions = {}): tf.Tensor {
    const { activation: act, activateOutput, dropout: rate } = this.config;
    const drng = dropoutRng(rate, options);
    let h = x;
    this.layers.forEach((layer, l) => {
      h = layer.apply(h);
      const last = l === this.layers.length - 1;
      if (!last || activateOutput) h = activation(h, act);
      if (!last && drng !== undefined) h = dropout(h, rate, drng);
    });
    return h;
  }
}
