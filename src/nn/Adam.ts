import * as tf from '@tensorflow/tfjs-core';
import { assertFinite, assertPositive } from '../core/assert.js';
import { InputError, ShapeError } from '../core/errors.js';
import { clipGradNorm } from './clipGradNorm.js';
import type { LrSchedule } from './LrSchedule.js';

/** Options of {@link Adam}. */
export interface AdamOptions {
  /** Learning rate, or a schedule of the step index. @default 1e-3 */
  learningRate?: number | LrSchedule;
  /** First-moment decay β₁. @default 0.9 */
  beta1?: number;
  /** Second-moment decay β₂. @default 0.999 */
  beta2?: number;
  /** ε in the denominator. @default 1e-8 */
  eps?: number;
  /** Decoupled weight decay λ (AdamW); 0 gives plain Adam. @default 0 */
  weightDecay?: number;
  /** Clip the global gradient norm to this value before the update; undefined = no clipping. @default undefined */
  clipNorm?: number;
}

/** Result of {@link Adam.step}. */
export interface AdamStepResult {
  /** Learning rate used. */
  learningRate: number;
  /** Global gradient norm before clipping (NaN when not clipping). */
  gradNorm: number;
}

/**
 * Adam (Kingma & Ba 2015) with decoupled weight decay (AdamW, Loshchilov & Hutter 2019) and
 * optional global-norm gradient clipping. For step `t = 1, 2, …` and each parameter θ with
 * gradient g:
 *
 * `m ← β₁ m + (1 − β₁) g`, `v ← β₂ v + (1 − β₂) g²`,
 * `θ ← θ − η_t (m / (1 − β₁ᵗ)) / (sqrt(v / (1 − β₂ᵗ)) + ε) − η_t λ θ`.
 *
 * Moment buffers are created lazily per variable. {@link Adam.getState} / {@link Adam.setState}
 * export and restore them (plain arrays, for checkpoints). Call {@link Adam.dispose} to free them.
 *
 * @example
 * ```ts
 * const opt = new Adam({ learningRate: 1e-3, weightDecay: 0.01, clipNorm: 1 });
 * const { value, grads } = tf.variableGrads(() => loss(model), model.trainableVariables());
 * opt.step(model.trainableVariables(), model.trainableVariables().map((v) => grads[v.name]));
 * ```
 */
export class Adam {
  private readonly opts: Required<Omit<AdamOptions, 'clipNorm' | 'learningRate'>> & { clipNorm: number | undefined };
  private readonly schedule: LrSchedule;
  private readonly moments = new Map<tf.Variable, { m: tf.Variable; v: tf.Variable }>();
  private t = 0;

  /** @throws `InputError` for out-of-range hyper-parameters */
  constructor(options: AdamOptions = {}) {
    const lr = options.learningRate ?? 1e-3;
    if (typeof lr === 'number') assertPositive(lr, 'options.learningRate');
    else if (typeof lr !== 'function') throw InputError.invalid('options.learningRate', 'a number or a schedule function', typeof lr);
    this.schedule = typeof lr === 'number' ? () => lr : lr;
    const beta1 = options.beta1 ?? 0.9;
    const beta2 = options.beta2 ?? 0.999;
    assertFinite(beta1, 'options.beta1', { min: 0, max: 0.999999999 });
    assertFinite(beta2, 'options.beta2', { min: 0, max: 0.999999999 });
    const eps = options.eps ?? 1e-8;
    assertPositive(eps, 'options.eps');
    const weightDecay = options.weightDecay ?? 0;
    assertFinite(weightDecay, 'options.weightDecay', { min: 0 });
    if (options.clipNorm !== undefined) assertPositive(options.clipNorm, 'options.clipNorm');
    this.opts = { beta1, beta2, eps, weightDecay, clipNorm: options.clipNorm };
  }

  /** Number of steps taken. */
  get iterations(): number {
    return this.t;
  }

  /**
   * Applies one update to `variables` given their gradients (same order). The gradients are
   * not disposed.
   *
   * @throws `ShapeError` when the lists differ in length or a gradient's shape differs
   */
  step(variables: readonly tf.Variable[], grads: readonly tf.Tensor[]): AdamStepResult {
    if (variables.length !== grads.length) throw ShapeError.mismatch('grads', `${variables.length} tensors`, `${grads.length}`);
    variables.forEach((v, i) => {
      const g = grads[i];
      if (g === undefined || g.shape.length !== v.shape.length || g.shape.some((s, k) => s !== v.shape[k])) {
        throw ShapeError.mismatch(`grads[${i}]`, `[${v.shape.join(', ')}]`, g === undefined ? 'undefined' : `[${g.shape.join(', ')}]`);
      }
    });
    let gs: readonly tf.Tensor[] = grads;
    let gradNorm = Number.NaN;
    let owned: tf.Tensor[] = [];
    if (this.opts.clipNorm !== undefined) {
      const c = clipGradNorm(grads, this.opts.clipNorm);
      gs = owned = c.grads;
      gradNorm = c.norm;
    }
    const lr = this.schedule(this.t);
    this.t += 1;
    const { beta1, beta2, eps, weightDecay } = this.opts;
    const c1 = 1 / (1 - Math.pow(beta1, this.t));
    const c2 = 1 / (1 - Math.pow(beta2, this.t));
    variables.forEach((v, i) => {
      let st = this.moments.get(v);
      if (st === undefined) {
        st = zeroMoments(v);
        this.moments.set(v, st);
      }
      const s = st;
      tf.tidy(() => {
        const g = gs[i];
        const m = tf.add(tf.mul(s.m, beta1), tf.mul(g, 1 - beta1));
        const vv = tf.add(tf.mul(s.v, beta2), tf.mul(tf.square(g), 1 - beta2));
        s.m.assign(m);
        s.v.assign(vv);
        const upd = tf.div(tf.mul(m, c1), tf.add(tf.sqrt(tf.mul(vv, c2)), eps));
        let next = tf.sub(v, tf.mul(upd, lr));
        if (weightDecay > 0) next = tf.sub(next, tf.mul(v, lr * weightDecay));
        v.assign(next);
      });
    });
    tf.dispose(owned);
    return { learningRate: lr, gradNorm };
  }

  /** Exports the step count and the moments of `variables` (in that order) as plain arrays. */
  getState(variables: readonly tf.Variable[]): { step: number; m: Float32Array[]; v: Float32Array[] } {
    const m: Float32Array[] = [];
    const v: Float32Array[] = [];
    for (const x of variables) {
      const s = this.moments.get(x);
      m.push(s ? (s.m.dataSync() as Float32Array).slice() : new Float32Array(x.size));
      v.push(s ? (s.v.dataSync() as Float32Array).slice() : new Float32Array(x.size));
    }
    return { step: this.t, m, v };
  }

  /** Restores a state from {@link Adam.getState} for the same variables. @throws `ShapeError` on size mismatch */
  setState(variables: readonly tf.Variable[], state: { step: number; m: Float32Array[]; v: Float32Array[] }): void {
    if (state.m.length !== variables.length || state.v.length !== variables.length) {
      throw ShapeError.mismatch('state', `${variables.length} moment pairs`, `${state.m.length}/${state.v.length}`);
    }
    variables.forEach((x, i) => {
      if (state.m[i].length !== x.size || state.v[i].length !== x.size) throw ShapeError.mismatch(`state.m[${i}]`, `${x.size} values`, `${state.m[i].length}`);
      let s = this.moments.get(x);
      if (s === undefined) {
        s = zeroMoments(x);
        this.moments.set(x, s);
      }
      const st = s;
      tf.tidy(() => {
        st.m.assign(tf.tensor(state.m[i], x.shape));
        st.v.assign(tf.tensor(state.v[i], x.shape));
      });
    });
    this.t = state.step;
  }

  /** Frees the moment buffers. */
  dispose(): void {
    for (const s of this.moments.values()) {
      s.m.dispose();
      s.v.dispose();
    }
    this.moments.clear();
  }
}

/** Fresh zero moment variables shaped like `x` (the zero tensors they are made from are freed). */
function zeroMoments(x: tf.Tensor): { m: tf.Variable; v: tf.Variable } {
  return tf.tidy(() => ({ m: tf.variable(tf.zerosLike(x), false), v: tf.variable(tf.zerosLike(x), false) }));
}
