/**
 * graphgen's matrix-product kernels on wasm (`src/nn/kernels/matmul.c`, on the heap of tfjs's
 * wasm backend; see nnKernels.ts) and their tfjs-ops twins. Internal to graphgen/nn: the
 * `dense` op uses {@link matMul2d} and {@link matMulTN}, and every `tf.matMul` on wasm goes
 * through graphgen's `BatchMatMul` (batched products without transpose flags run the kernel).
 *
 * @module
 */
import * as tf from '@tensorflow/tfjs-core';
import { heapOffset, nnKernelReady, nnKernelsOf, registerWasmKernelSet, replaceWasmKernel, type WasmBackendInternals, type WasmKernelArgs } from './nnKernels.js';
import { transpose2d } from './transposeKernel.js';
import { columnSums, transposeTall } from './transposeTall.js';

const MATMUL = 'GraphgenMatMul';
const MATMUL_TN = 'GraphgenMatMulTN';

/** `gg_matmul` (`a [M,K] · b [K,N] (+ bias)` -> `[M,N]`) or, with `tn`, `gg_matmul_tn` (`a [M,K]ᵀ · b [M,N]` -> `[K,N]`). */
function productKernel(tn: boolean) {
  return ({ inputs, backend }: WasmKernelArgs): tf.TensorInfo => {
    const be = backend as WasmBackendInternals;
    const a = inputs.a as tf.TensorInfo;
    const b = inputs.b as tf.TensorInfo;
    const [m, k] = a.shape;
    const n = b.shape[1];
    const out = be.makeOutput(tn ? [k, n] : [m, n], 'float32');
    const kernels = nnKernelsOf(be)!;
    if (tn) kernels.gg_matmul_tn(m, k, n, heapOffset(be, a), heapOffset(be, b), heapOffset(be, out));
    else kernels.gg_matmul(m, k, n, heapOffset(be, a), heapOffset(be, b), heapOffset(be, inputs.bias), heapOffset(be, out));
    return out;
  };
}

const MARK = Symbol.for('graphgen.matMulRegistered');
/** Marks graphgen's `BatchMatMul` on wasm; its value is tfjs's kernel, which it delegates to. */
const BATCH_MARK = Symbol.for('graphgen.batchMatMul');

/**
 * `true` when graphgen's `BatchMatMul` on wasm computes the product itself: float32 operands of
 * equal rank >= 2 with the same batch axes (no broadcasting), no transpose flags and matching
 * inner sizes; any `N` (columns of `b`: those past the last multiple of 4 are summed one output
 * at a time, e.g. the attention scores `[B·H, n, d] x [B·H, d, n]` of graphs of odd size n).
 * Other products go to tfjs's kernel. Internal.
 */
export function batchMatMulTakesKernel(a: tf.TensorInfo, b: tf.TensorInfo, transposeA: boolean, transposeB: boolean): boolean {
  const r = a.shape.length;
  if (transposeA || transposeB || a.dtype !== 'float32' || b.dtype !== 'float32' || b.shape.length !== r || r < 2) return false;
  for (let i = 0; i < r - 2; i++) if (a.shape[i] !== b.shape[i]) return false;
  return a.shape[r - 1] === b.shape[r - 2];
}

/**
 * Replaces the wasm backend's `BatchMatMul` by one that runs products without transpose flags
 * through graphgen's kernel (`gg_matmul_batched`: the same 4 x 8 tile per batch entry; tfjs's
 * kernel takes a scalar path for batched products, e.g. ~10 ms for the attention products
 * `[128, 64, 8] x [128, 8, 64]` of a 64-node batch, 0.4 GMAC/s) and hands every other product
 * to tfjs's kernel, which stays its twin. Gradients are unchanged (the kernel name is the same).
 * Idempotent; does nothing when the wasm backend is not registered.
 */
function replaceBatchMatMul(): void {
  replaceWasmKernel('BatchMatMul', BATCH_MARK, (original) => (args) => {
    const a = args.inputs.a as tf.TensorInfo;
    const b = args.inputs.b as tf.TensorInfo;
    const kernels = nnKernelsOf(args.backend);
    if (kernels === null || !batchMatMulTakesKernel(a, b, args.attrs.transposeA === true, args.attrs.transposeB === true)) return original(args as unknown as Parameters<tf.KernelFunc>[0]) as tf.TensorInfo;
    const be = args.backend as WasmBackendInternals;
    const r = a.shape.length;
    const lead = a.shape.slice(0, r - 2);
    const [m, k, n] = [a.shape[r - 2], a.shape[r - 1], b.shape[r - 1]];
    const out = be.makeOutput([...lead, m, n], 'float32');
    kernels.gg_matmul_batched(tf.util.sizeFromShape(lead), m, k, n, heapOffset(be, a), heapOffset(be, b), heapOffset(be, out));
    return out;
  });
}

/** Registers the kernels of {@link matMul2d} and {@link matMulTN} on wasm with their gradients, and graphgen's `BatchMatMul` on wasm. Idempotent. Internal. */
export function registerMatMulKernels(): void {
  replaceBatchMatMul();
  registerWasmKernelSet(
    MARK,
    [
      [MATMUL, productKernel(false)],
      [MATMUL_TN, productKernel(true)],
    ],
    [
      {
        kernelName: MATMUL,
        inputsToSave: ['a', 'b'],
        gradFunc: (dy: tf.Tensor | tf.Tensor[], [a, b]: tf.Tensor[]) => {
          const dc = dy as tf.Tensor2D;
          return {
            a: () => matMul2d(dc, transpose2d(b as tf.Tensor2D)),
            b: () => matMulTN(a as tf.Tensor2D, dc),
            bias: () => columnSums(dc),
          };
        },
      } as unknown as tf.GradConfig,
      {
        kernelName: MATMUL_TN,
        inputsToSave: ['a', 'b'],
        gradFunc: (dy: tf.Tensor | tf.Tensor[], [a, b]: tf.Tensor[]) => {
          const dc = dy as tf.Tensor2D; // [K, N]
          return {
            a: () => matMul2d(b as tf.Tensor2D, transpose2d(dc)), // [M, N] [N, K]
            b: () => matMul2d(a as tf.Tensor2D, dc), // [M, K] [K, N]
          };
        },
      } as unknown as tf.GradConfig,
    ],
  );
}

/** `true` when graphgen's kernel `name` can compute a product with `n` output columns from these float32 operands. */
function ready(name: string, n: number, ...ts: (tf.Tensor | undefined)[]): boolean {
  return n % 4 === 0 && ts.every((t) => t === undefined || t.dtype === 'float32') && nnKernelReady(name);
}

/**
 * `a [M, K] · b [K, N] (+ bias [N])` -> `[M, N]`. On wasm with graphgen's kernels loaded and `N`
 * a multiple of 4: graphgen's 4 x 8-tiled SIMD product (about twice tfjs's XNNPACK products on
 * the graph transformer's pair tensors); elsewhere `tf.matMul` / `tf.fused.matMul`, the twin.
 * Both sum float32 products in order of `k`, so they agree up to float32 rounding. Shapes are
 * the caller's to check. Internal to graphgen/nn.
 */
export function matMul2d(a: tf.Tensor2D, b: tf.Tensor2D, bias?: tf.Tensor1D): tf.Tensor2D {
  if (!ready(MATMUL, b.shape[1], a, b, bias)) return bias === undefined ? tf.matMul(a, b) : (tf.fused.matMul({ a, b, bias }) as tf.Tensor2D);
  const inputs: tf.NamedTensorMap = bias === undefined ? { a, b } : { a, b, bias };
  return tf.engine().runKernel(MATMUL, inputs, {}) as tf.Tensor2D;
}

/**
 * `a [M, K]ᵀ · b [M, N]` -> `[K, N]` without materialising `aᵀ` (the weight gradient of a dense
 * layer, a long contraction over `M` rows). On wasm with graphgen's kernels loaded and `N` a
 * multiple of 4: graphgen's kernel (rows taken in blocks of 128 that stay in cache, each output
 * summed in order of the row); elsewhere the twin `tf.matMul(transpose(a), b)`. Internal.
 */
export function matMulTN(a: tf.Tensor2D, b: tf.Tensor2D): tf.Tensor2D {
  if (!ready(MATMUL_TN, b.shape[1], a, b)) return tf.matMul(transposeTall(a), b);
  return tf.engine().runKernel(MATMUL_TN, { a, b }, {}) as tf.Tensor2D;
}

/** `true` when {@link matMulTN} (and so `dense`'s kernel route for `dW`) runs graphgen's kernel for `n` output columns. */
export function matMulKernelReady(n: number): boolean {
  return ready(MATMUL_TN, n);
}
