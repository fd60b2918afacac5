/**
 * The 2-D transpose and middle-axis sum kernels of graphgen/nn on wasm
 * (`src/nn/kernels/transpose.c`, `middleSum.c`, on the heap of tfjs's wasm backend; see
 * nnKernels.ts). Internal to graphgen/nn.
 *
 * @module
 */
import * as tf from '@tensorflow/tfjs-core';
import { heapOffset, nnKernelReady, nnKernelsOf, registerWasmKernelSet, type WasmBackendInternals, type WasmKernelArgs } from './nnKernels.js';

const KERNEL = 'GraphgenTranspose2D';

/** `[r, c] -> [c, r]`, or each matrix of a batch `[b, r, c] -> [b, c, r]` (one call per matrix). */
function kernel({ inputs, backend }: WasmKernelArgs): tf.TensorInfo {
  const be = backend as WasmBackendInternals;
  const x = inputs.x as tf.TensorInfo;
  const [b, r, c] = x.shape.length === 3 ? x.shape : [1, ...x.shape];
  const out = be.makeOutput(x.shape.length === 3 ? [b, c, r] : [c, r], 'float32');
  const k = nnKernelsOf(be)!;
  const src = heapOffset(be, x), dst = heapOffset(be, out);
  for (let i = 0; i < b; i++) k.gg_transpose2d(r, c, src + 4 * i * r * c, dst + 4 * i * r * c);
  return out;
}

const SUM = 'GraphgenMiddleSum';

function sumKernel({ inputs, backend }: WasmKernelArgs): tf.TensorInfo {
  const be = backend as WasmBackendInternals;
  const x = inputs.x as tf.TensorInfo;
  const [p, a, q] = x.shape;
  const out = be.makeOutput([p, q], 'float32');
  nnKernelsOf(be)!.gg_middle_sum(p, a, q, heapOffset(be, x), heapOffset(be, out));
  return out;
}

const MARK = Symbol.for('graphgen.transpose2dRegistered');

/** Registers the kernels of {@link transpose2d} and {@link middleSumKernel} on wasm, and their gradients. Idempotent. Internal. */
export function registerTransposeKernel(): void {
  registerWasmKernelSet(
    MARK,
    [
      [KERNEL, kernel],
      [SUM, sumKernel],
    ],
    [
      {
        kernelName: SUM,
        inputsToSave: ['x'],
        gradFunc: (dy: tf.Tensor | tf.Tensor[], [x]: tf.Tensor[]) => {
          const [p, , q] = x.shape;
          return { x: () => tf.mul(tf.reshape(dy as tf.Tensor, [p, 1, q]), tf.onesLike(x)) };
        },
      } as unknown as tf.GradConfig,
      {
        kernelName: KERNEL,
        gradFunc: (dy: tf.Tensor | tf.Tensor[]) => ({ x: () => tf.engine().runKernel(KERNEL, { x: dy as tf.Tensor }, {}) as tf.Tensor }),
      } as unknown as tf.GradConfig,
    ],
  );
}

/**
 * `[r, c]` -> `[c, r]`: graphgen's blocked SIMD kernel on wasm (float32), `tf.transpose`
 * elsewhere. Same values (a transpose moves bits).
 */
export function transpose2d(a: tf.Tensor2D): tf.Tensor2D {
  if (!transposeKernelReady(a)) return tf.transpose(a, [1, 0]);
  return tf.engine().runKernel(KERNEL, { x: a }, {}) as tf.Tensor2D;
}

/**
 * `[b, r, c]` -> `[b, c, r]` (each matrix of a batch transposed): graphgen's blocked SIMD kernel
 * on wasm (float32), `tf.transpose(a, [0, 2, 1])` elsewhere. Same values. With reshapes this is
 * the channel-first/channel-last move of pair tensors, `[B, N, N, C]` <-> `[B, C, N, N]`, which
 * tfjs's Transpose on wasm does with an index computation per element.
 */
export function transposeBatched(a: tf.Tensor3D): tf.Tensor3D {
  if (!transposeKernelReady(a)) return tf.transpose(a, [0, 2, 1]);
  return tf.engine().runKernel(KERNEL, { x: a }, {}) as tf.Tensor3D;
}

/** Pair tensor `[B, N, M, C]` -> `[B, C, N, M]` by {@link transposeBatched} (same values as `tf.transpose(t, [0, 3, 1, 2])`). */
export function channelsFirst(t: tf.Tensor4D): tf.Tensor4D {
  const [b, n, m, c] = t.shape;
  return tf.reshape(transposeBatched(tf.reshape(t, [b, n * m, c])), [b, c, n, m]);
}

/** Pair tensor `[B, C, N, M]` -> `[B, N, M, C]` by {@link transposeBatched} (same values as `tf.transpose(t, [0, 2, 3, 1])`). */
export function channelsLast(t: tf.Tensor4D): tf.Tensor4D {
  const [b, c, n, m] = t.shape;
  return tf.reshape(transposeBatched(tf.reshape(t, [b, c, n * m])), [b, n, m, c]);
}

/** `true` when {@link transpose2d} runs graphgen's kernel for `a` (wasm, float32). */
export function transposeKernelReady(a: tf.Tensor): boolean {
  return a.dtype === 'float32' && nnKernelReady(KERNEL);
}

/**
 * `Σ_a t[p, a, q]` of `t [P, A, Q]` -> `[P, Q]` by graphgen's wasm kernel (float32, one pass,
 * blocked float32 accumulation), or `null` when it cannot run here.
 */
export function middleSumKernel(t: tf.Tensor3D): tf.Tensor2D | null {
  if (t.dtype !== 'float32' || !nnKernelReady(SUM)) return null;
  return tf.engine().runKernel(SUM, { x: t }, {}) as tf.Tensor2D;
}
