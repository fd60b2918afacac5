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
 * Moment buffers are created lazily, one flat pair per list of variables stepped together
 * (the update runs on the concatenation: a dozen kernels per step instead of a dozen per
 * variable). {@link Adam.getState} / {@link Adam.setState}
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
  /** Where each variable's moments live. */
  private readonly state: MomentState = { slots: new Map(), last: undefined };
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
    if (variables.length === 0) {
      tf.dispose(owned);
      return { learningRate: lr, gradNorm };
    }
    const group = groupFor(this.state, variables);
    tf.tidy(() => {
      const g = flatten(gs);
      const m = tf.add(tf.mul(group.m, beta1), tf.mul(g, 1 - beta1));
      const vv = tf.add(tf.mul(group.v, beta2), tf.mul(tf.square(g), 1 - beta2));
      group.m.assign(m);
      group.v.assign(vv);
      const upd = tf.div(tf.mul(m, c1), tf.add(tf.sqrt(tf.mul(vv, c2)), eps));
      const theta = flatten(variables);
      let next = tf.sub(theta, tf.mul(upd, lr));
      if (weightDecay > 0) next = tf.sub(next, tf.mul(theta, lr * weightDecay));
      assignSplit(variables, next, group);
    });
    tf.dispose(owned);
    return { learningRate: lr, gradNorm };
  }

  /** Exports the step count and the moments of `variables` (in that order) as plain arrays. */
  getState(variables: readonly tf.Variable[]): { step: number; m: Float32Array[]; v: Float32Array[] } {
    const read = new Map<tf.Variable, Float32Array>();
    const data = (t: tf.Variable): Float32Array => {
      let d = read.get(t);
      if (d === undefined) {
        d = t.dataSync() as Float32Array;
        read.set(t, d);
      }
      return d;
    };
    const m: Float32Array[] = [];
    const v: Float32Array[] = [];
    for (const x of variables) {
      const s = this.state.slots.get(x);
      const off = s === undefined ? 0 : s.group.offsets[s.index];
      m.push(s ? data(s.group.m).slice(off, off + x.size) : new Float32Array(x.size));
      v.push(s ? data(s.group.v).slice(off, off + x.size) : new Float32Array(x.size));
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
    });
    if (variables.length > 0) {
      const group = groupFor(this.state, variables);
      const flat = (arrays: Float32Array[]): Float32Array => {
        const out = new Float32Array(group.sizes.reduce((a, b) => a + b, 0));
        arrays.forEach((a, i) => out.set(a, group.offsets[i]));
        return out;
      };
      tf.tidy(() => {
        group.m.assign(tf.tensor1d(flat(state.m)));
        group.v.assign(tf.tensor1d(flat(state.v)));
      });
    }
    this.t = state.step;
  }

  /** Frees the moment buffers. */
  dispose(): void {
    const groups = new Set<MomentGroup>();
    for (const s of this.state.slots.values()) groups.add(s.group);
    for (const g of groups) disposeGroup(g);
    this.state.slots.clear();
    this.state.last = undefined;
  }
}

/** Flat moments of a list of variables (`offsets[i]`, `sizes[i]`: the slice of `vars[i]`). */
interface MomentGroup {
  vars: tf.Variable[];
  sizes: number[];
  offsets: number[];
  m: tf.Variable;
  v: tf.Variable;
  /** Variables whose moments still live here. */
  live: number;
}

/** Moment groups of an {@link Adam} instance: the group and index of each variable, and the last group used. */
interface MomentState {
  slots: Map<tf.Variable, { group: MomentGroup; index: number }>;
  last: MomentGroup | undefined;
}

/**
 * The moment group of exactly `variables` (in order), created on first use: one flat `m` and
 * one flat `v` for the whole list, so that a step runs a dozen kernels on the concatenation
 * instead of a dozen per variable (a 4-layer graph transformer has 234 variables, and on wasm
 * each kernel launch costs tens of microseconds). Moments a variable already has in another
 * group move with it.
 */
function groupFor(state: MomentState, variables: readonly tf.Variable[]): MomentGroup {
  const last = state.last;
  if (last !== undefined && last.vars.length === variables.length && last.vars.every((v, i) => v === variables[i])) return last;
  const found = state.slots.get(variables[0])?.group;
  if (found !== undefined && found.vars.length === variables.length && found.vars.every((v, i) => v === variables[i] && state.slots.get(v)?.group === found)) {
    state.last = found;
    return found;
  }
  const sizes = variables.map((v) => v.size);
  const offsets: number[] = [];
  sizes.reduce((o, n) => (offsets.push(o), o + n), 0);
  const gather = (which: 'm' | 'v'): tf.Variable =>
    tf.tidy(() => {
      const parts = variables.map((x) => {
        const s = state.slots.get(x);
        return s === undefined ? tf.zeros([x.size]) : tf.slice(s.group[which], s.group.offsets[s.index], x.size);
      });
      return tf.variable(parts.length === 1 ? parts[0] : tf.concat(parts), false);
    });
  const group: MomentGroup = { vars: [...variables], sizes, offsets, m: gather('m'), v: gather('v'), live: variables.length };
  variables.forEach((x, index) => {
    const old = state.slots.get(x);
    if (old !== undefined && --old.group.live === 0) disposeGroup(old.group);
    state.slots.set(x, { group, index });
  });
  state.last = group;
  return group;
}

function disposeGroup(g: MomentGroup): void {
  g.m.dispose();
  g.v.dispose();
}

/**
 * Assigns consecutive pieces of the flat `values` to `variables`. On the wasm and cpu backends
 * the pieces are cut on the host from one read of `values`: tfjs's wasm `Slice` (and `SplitV`,
 * built on it) copies its whole input out of the heap for every piece, which made a 234-way split
 * of 0.8 M parameters take ~0.7 s. Other backends split on the device.
 */
function assignSplit(variables: readonly tf.Variable[], values: tf.Tensor, group: MomentGroup): void {
  if (onHost()) {
    const data = values.dataSync() as Float32Array;
    variables.forEach((v, i) => {
      const off = group.offsets[i];
      v.assign(tf.tensor(data.slice(off, off + group.sizes[i]), v.shape, 'float32'));
    });
    return;
  }
  const parts = variables.length === 1 ? [values] : tf.split(values, group.sizes);
  variables.forEach((v, i) => v.assign(tf.reshape(parts[i], v.shape)));
}

/**
 * The tensors' values, flattened and concatenated in order. On wasm and cpu the concatenation is
 * built on the host (one read per tensor, one upload), which saves a reshape kernel per tensor.
 */
function flatten(ts: readonly tf.Tensor[]): tf.Tensor {
  if (onHost()) {
    const out = new Float32Array(ts.reduce((n, t) => n + t.size, 0));
    let off = 0;
    for (const t of ts) {
      out.set(t.dataSync() as Float32Array, off);
      off += t.size;
    }
    return tf.tensor1d(out, 'float32');
  }
  const flat = ts.map((t) => tf.reshape(t, [-1]));
  return flat.length === 1 ? flat[0] : tf.concat(flat);
}

/** True on backends whose tensors live in host memory (synchronous reads are cheap). */
function onHost(): boolean {
  const backend = tf.getBackend();
  return backend === 'wasm' || backend === 'cpu';
}
