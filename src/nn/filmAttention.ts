import * as tf from '@tensorflow/tfjs-core';
import { ShapeError } from '../core/errors.js';
import { heapOffset, nnKernelReady, nnKernelsOf, registerWasmKernelSet, type WasmBackendInternals as WasmBackend, type WasmKernelArgs } from './nnKernels.js';
import { softmaxWeightedSum } from './softmaxWeightedSum.js';

/** The outputs of {@link filmAttention}. */
export interface FilmAttentionResult {
  /** FiLM-scaled scores `s ⊙ g`, `[B,N,N,D]`. */
  sy: tf.Tensor;
  /** Attention output `Σ_j α_ij ⊙ v_j`, `[B,N,D]`. */
  o: tf.Tensor;
}

const FWD = 'GraphgenFilmAttention';
const BWD = 'GraphgenFilmAttentionGrad';
const BIG = 1e9;
/** The widest `D` the kernels take (MAX_D in filmAttention.c: their per-row scratch is on the stack). */
const MAX_D = 2048;

/**
 * The tfjs-ops twin of {@link filmAttention} (the reference of its parity tests, and the path on
 * backends other than wasm): broadcast products and sums, and {@link softmaxWeightedSum} with a
 * `−1e9` logit on padded keys. Same shapes and values as {@link filmAttention} up to float32
 * rounding, except in graphs without any real node (uniform weights here, zero weights there).
 */
export function filmAttentionReference(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, a: tf.Tensor, c: tf.Tensor, g: tf.Tensor, keyMask: tf.Tensor): FilmAttentionResult {
  const [b, n, d] = q.shape;
  return tf.tidy(() => {
    const qk = tf.mul(tf.reshape(q, [b, n, 1, d]), tf.reshape(k, [b, 1, n, d])); // [B,N,N,D]
    const s = tf.add(tf.mul(qk, a), c);
    const sy = tf.mul(s, tf.reshape(g, [b, 1, 1, d]));
    const keyOff = tf.reshape(tf.mul(tf.sub(keyMask, 1), BIG), [b, 1, n, 1]);
    const o = softmaxWeightedSum(tf.add(s, keyOff), tf.reshape(v, [b, 1, n, d]));
    return { sy, o };
  });
}

// ---------------------------------------------------------------------------------------------
// wasm kernels: C (src/nn/kernels/filmAttention.c) on the heap of tfjs's wasm backend (nnKernels.ts)

function forwardKernel({ inputs, backend }: WasmKernelArgs): tf.TensorInfo[] {
  const be = backend as WasmBackend;
  const k = nnKernelsOf(be)!;
  const { q, k: kk, v, a, c, g, mask } = inputs as Record<string, tf.TensorInfo>;
  const [b, n, d] = q.shape;
  const sy = be.makeOutput([b, n, n, d], 'float32');
  const o = be.makeOutput([b, n, d], 'float32');
  const al = be.makeOutput([b, n, n, d], 'float32');
  const p = (t: tf.TensorInfo): number => heapOffset(be, t);
  k.gg_film_attn_fwd(b, n, d, p(q), p(kk), p(v), p(a), d, p(c), d, p(g), p(mask), p(sy), p(al), p(o));
  return [sy, o, al];
}

function backwardKernel({ inputs, backend }: WasmKernelArgs): tf.TensorInfo[] {
  const be = backend as WasmBackend;
  const k = nnKernelsOf(be)!;
  const { q, k: kk, v, a, c, g, alpha, o, dsy, dout } = inputs as Record<string, tf.TensorInfo | undefined> as Record<string, tf.TensorInfo>;
  const [b, n, d] = q.shape;
  const da = be.makeOutput([b, n, n, d], 'float32');
  const dc = be.makeOutput([b, n, n, d], 'float32');
  const dq = be.makeOutput([b, n, d], 'float32');
  const dk = be.makeOutput([b, n, d], 'float32');
  const dv = be.makeOutput([b, n, d], 'float32');
  const dg = be.makeOutput([b, d], 'float32');
  const p = (t: tf.TensorInfo | undefined): number => heapOffset(be, t);
  k.gg_film_attn_bwd(b, n, d, p(q), p(kk), p(v), p(a), d, p(c), d, p(g), p(alpha), p(o), p(dsy), p(dout), p(da), d, p(dc), d, p(dq), p(dk), p(dv), p(dg));
  return [da, dc, dq, dk, dv, dg];
}

const MARK = Symbol.for('graphgen.filmAttentionRegistered');

/**
 * Registers the fused kernels of {@link filmAttention} on the wasm backend and the gradient of
 * the forward kernel. Idempotent. Internal: `registerWasmKernels` calls it.
 */
export function registerFilmAttentionKernels(): void {
  registerWasmKernelSet(
    MARK,
    [
      [FWD, forwardKernel],
      [BWD, backwardKernel],
    ],
    [
      {
        kernelName: FWD,
        inputsToSave: ['q', 'k', 'v', 'a', 'c', 'g', 'mask'],
        outputsToSave: [false, true, true],
        gradFunc: (dys: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
          const [dsy, dout] = dys as Array<tf.Tensor | null>;
          const [q, k, v, a, c, g, mask, o, alpha] = saved;
          const inputs: tf.NamedTensorMap = { q, k, v, a, c, g, alpha, o };
          if (dsy !== null) inputs.dsy = dsy;
          if (dout !== null) inputs.dout = dout;
          const [da, dc, dq, dk, dv, dg] = tf.engine().runKernel(BWD, inputs, {}) as tf.Tensor[];
          return { q: () => dq, k: () => dk, v: () => dv, a: () => da, c: () => dc, g: () => dg, mask: () => tf.zerosLike(mask) };
        },
      } as unknown as tf.GradConfig,
    ],
  );
}

function fused(d: number): boolean {
  return d % 4 === 0 && d <= MAX_D && nnKernelReady(FWD);
}

/**
 * Edge-FiLM attention of the DiGress graph transformer, with a hand-written gradient:
 *
 * - scores `s_ij = (q_i ⊙ k_j) ⊙ a_ij + c_ij` (`[B,N,N,D]`, one per feature) and their FiLM by
 *   the globals, `sy_ij = s_ij ⊙ g` (`g` per graph);
 * - `o_i = Σ_j α_ij ⊙ v_j` with `α_ij = softmax_j(s_ij)` over the real keys `j` (`keyMask`),
 *   one distribution per feature.
 *
 * On the wasm backend both run as one SIMD kernel (`src/nn/kernels/filmAttention.c`, on the
 * tensors in place on tfjs's heap), and so does the backward pass: `∂S = ∂sy ⊙ g + α ⊙ ∂o_i ⊙
 * (v_j − o_i)`, `∂a = ∂S ⊙ q_i ⊙ k_j`, `∂c = ∂S`, `∂q_i = Σ_j ∂S ⊙ a ⊙ k_j`,
 * `∂k_j = Σ_i ∂S ⊙ a ⊙ q_i`, `∂v_j = Σ_i α ⊙ ∂o_i`, `∂g = Σ_ij ∂sy ⊙ s`: one pass over the pair
 * tensors instead of about 25 broadcast, transpose, softmax and reduction kernels. Elsewhere
 * (or when `D` is not a multiple of 4) it runs {@link filmAttentionReference}. Entries of graphs
 * without any real node are unspecified (every key padded).
 *
 * Shapes: `q, k, v [B,N,D]`, `a, c [B,N,N,D]`, `g [B,D]`, `keyMask [B,N]` (1 real, 0 padded).
 *
 * @returns `sy [B,N,N,D]` and `o [B,N,D]`
 * @throws `ShapeError` on inconsistent shapes
 */
export function filmAttention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, a: tf.Tensor, c: tf.Tensor, g: tf.Tensor, keyMask: tf.Tensor): FilmAttentionResult {
  if (q.rank !== 3) throw ShapeError.mismatch('q', '[B, N, D]', `[${q.shape.join(', ')}]`);
  const [b, n, d] = q.shape;
  const same = (t: tf.Tensor, s: number[]): boolean => t.rank === s.length && t.shape.every((x, i) => x === s[i]);
  const check = (t: tf.Tensor, name: string, s: number[]): void => {
    if (!same(t, s)) throw ShapeError.mismatch(name, `[${s.join(', ')}]`, `[${t.shape.join(', ')}]`);
  };
  check(k, 'k', [b, n, d]);
  check(v, 'v', [b, n, d]);
  check(a, 'a', [b, n, n, d]);
  check(c, 'c', [b, n, n, d]);
  check(g, 'g', [b, d]);
  check(keyMask, 'keyMask', [b, n]);
  if (!fused(d)) return filmAttentionReference(q, k, v, a, c, g, keyMask);
  const [sy, o, alpha] = tf.engine().runKernel(FWD, { q, k, v, a, c, g, mask: keyMask }, {}) as tf.Tensor[];
  alpha.dispose();
  return { sy, o };
}
