import * as tf from '@tensorflow/tfjs-core';
import { assertFinite } from '../../core/assert.js';
import { ShapeError } from '../../core/errors.js';

/** Serializable state of a {@link WeightAverage}. */
export interface WeightAverageState {
  /** Number of updates folded in so far. */
  updates: number;
  /** The averaged values, one array per variable. */
  shadow: Float32Array[];
}

/**
 * Exponential moving average of weights, `θ̄ ← δ_k θ̄ + (1 − δ_k) θ` with the warm-up decay
 * `δ_k = min(δ, (1 + k) / (10 + k))`, whose state (shadow weights and update count) can be
 * exported and restored for resumable checkpoints. Minimal local version: graphgen/nn's `Ema`
 * has the same update but no state export.
 *
 * @example
 * ```ts
 * const avg = new WeightAverage(model.trainableVariables(), 0.999);
 * avg.update(); // after each optimiser step
 * avg.copyTo(); // load the averaged weights into the model
 * ```
 */
export class WeightAverage {
  private readonly vars: readonly tf.Variable[];
  private readonly shadow: tf.Variable[];
  private readonly decay: number;
  private updates = 0;

  /** @throws `InputError` for a decay outside [0, 1) */
  constructor(variables: readonly tf.Variable[], decay: number) {
    assertFinite(decay, 'decay', { min: 0, max: 0.9999999 });
    this.vars = variables;
    this.decay = decay;
    this.shadow = tf.tidy(() => variables.map((v) => tf.variable(tf.clone(v), false)));
  }

  /** Folds the current weights into the average. */
  update(): void {
    const d = Math.min(this.decay, (1 + this.updates) / (10 + this.updates));
    this.updates += 1;
    tf.tidy(() => this.vars.forEach((v, i) => this.shadow[i].assign(tf.add(tf.mul(this.shadow[i], d), tf.mul(v, 1 - d)))));
  }

  /** Overwrites the live variables with the averaged values. */
  copyTo(): void {
    tf.tidy(() => this.vars.forEach((v, i) => v.assign(this.shadow[i])));
  }

  /** Exports the state. */
  getState(): WeightAverageState {
    return { updates: this.updates, shadow: this.shadow.map((s) => (s.dataSync() as Float32Array).slice()) };
  }

  /** Restores a state from {@link WeightAverage.getState}. @throws `ShapeError` on a size mismatch */
  setState(state: WeightAverageState): void {
    if (state.shadow.length !== this.shadow.length) throw ShapeError.mismatch('state.shadow', `${this.shadow.length} arrays`, `${state.shadow.length}`);
    state.shadow.forEach((a, i) => {
      if (a.length !== this.shadow[i].size) throw ShapeError.mismatch(`state.shadow[${i}]`, `${this.shadow[i].size} values`, `${a.length}`);
      tf.tidy(() => this.shadow[i].assign(tf.tensor(a, this.shadow[i].shape, 'float32')));
    });
    this.updates = state.updates;
  }

  /** Frees the averaged copies. */
  dispose(): void {
    tf.dispose(this.shadow);
  }
}
