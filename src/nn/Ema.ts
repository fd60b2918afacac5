import * as tf from '@tensorflow/tfjs-core';
import { assertFinite } from '../core/assert.js';
import { ShapeError } from '../core/errors.js';
import { Module } from './Module.js';

/** Serializable state of an {@link Ema} (for checkpoints). */
export interface EmaState {
  /** Number of updates folded in so far (drives the warm-up decay). */
  updates: number;
  /** The averaged values, one array per variable, in the order of the variables. */
  shadow: Float32Array[];
}

/**
 * Exponential moving average of a module's weights (Polyak averaging), as used to sample from
 * diffusion models: after each optimiser step, `θ̄ ← δ θ̄ + (1 − δ) θ`. With `warmup`, the
 * decay used at update `k` is `min(δ, (1 + k) / (10 + k))`, so early averages are not
 * dominated by the random initialisation.
 *
 * {@link Ema.swap} exchanges the live and averaged weights (call it again to swap back).
 *
 * @example
 * ```ts
 * const ema = new Ema(model, { decay: 0.999 });
 * // after each opt.step(...):
 * ema.update();
 * ema.swap(); sample(model); ema.swap();
 * ```
 */
export class Ema {
  private readonly params: tf.Variable[];
  private readonly shadow: tf.Variable[];
  private readonly decay: number;
  private readonly warmup: boolean;
  private updates = 0;

  /**
   * @param source - the module (or the variables) whose weights are averaged; current values are copied
   * @param options - `decay` δ in [0, 1) (default 0.999) and `warmup` (default true)
   * @throws `InputError` for a decay outside [0, 1)
   */
  constructor(source: Module | readonly tf.Variable[], options: { decay?: number; warmup?: boolean } = {}) {
    this.decay = options.decay ?? 0.999;
    assertFinite(this.decay, 'options.decay', { min: 0, max: 0.9999999 });
    this.warmup = options.warmup ?? true;
    this.params = source instanceof Module ? source.trainableVariables() : [...source];
    this.shadow = tf.tidy(() => this.params.map((p) => tf.variable(tf.clone(p), false)));
  }

  /** Folds the current weights into the average. Returns the decay used. */
  update(): number {
    const d = this.warmup ? Math.min(this.decay, (1 + this.updates) / (10 + this.updates)) : this.decay;
    this.updates += 1;
    tf.tidy(() => {
      this.params.forEach((p, i) => this.shadow[i].assign(tf.add(tf.mul(this.shadow[i], d), tf.mul(p, 1 - d))));
    });
    return d;
  }

  /** Exchanges the module's weights and the averaged ones. */
  swap(): void {
    tf.tidy(() => {
      this.params.forEach((p, i) => {
        const live = tf.clone(p);
        p.assign(this.shadow[i]);
        this.shadow[i].assign(live);
      });
    });
  }

  /** Overwrites the live weights with the averaged ones (e.g. at the end of training). */
  copyTo(): void {
    tf.tidy(() => this.params.forEach((p, i) => p.assign(this.shadow[i])));
  }

  /** Exports the state (update count and averaged values) for a checkpoint. */
  getState(): EmaState {
    return { updates: this.updates, shadow: this.shadow.map((s) => (s.dataSync() as Float32Array).slice()) };
  }

  /** Restores a state from {@link Ema.getState}. @throws `ShapeError` when the arrays do not match the variables */
  setState(state: EmaState): void {
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
