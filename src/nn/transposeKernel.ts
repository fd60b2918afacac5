/**
 * The 2-D transpose kernel of graphgen/nn on wasm (`src/nn/kernels/transpose.c`, on the heap of
 * tfjs's wasm backend; see nnKernels.ts). Internal to graphgen/nn.
 *
 * @module
 */
import * as tf from '@tensorflow/tfjs-core';
import { heapOffset, nnKernelReady, nnKernelsOf, type WasmBackendInternals } from './nnKernels.js';

const KERNEL = 'GraphgenTranspose2D';

interface KernelArgs {
  inputs: tf.NamedTensorInfoMap;
  backend: unknown;
}

function kernel({ inputs, backend }: KernelArgs): tf.TensorInfo {
  const be = backend as WasmBackendInternals;
  const x = inputs.x as tf.TensorInfo;
  const [r, c] = x.shape;
  const out = be.makeOutput([c, r], 'float32');
  nnKernelsOf(be)!.gg_transpose2d(r, c, heapOffset(be, x), heapOffset(be, out));
  return out;
}

const MARK = Symbol.for('graphgen.transpose2dRegistered');

/** Registers the kernel of {@link transpose2d} on wasm and its gradient. Idempotent. Internal. */
export function registerTransposeKernel(): void {
  const current = tf.getKernel(KERNEL, 'wasm') as (tf.KernelConfig & { [MARK]?: true }) | undefined;
  if (current?.[MARK] === true) return;
  tf.registerKernel({ kernelName: KERNEL, backendName: 'wasm', kernelFunc: kernel as unknown as tf.KernelFunc, [MARK]: true } as tf.KernelConfig);
  if (tf.getGradient(KERNEL) === undefined) {
    tf.registerGradient({
      kernelName: KERNEL,
      gradFunc: (dy: tf.Tensor | tf.Tensor[]) => ({ x: () => transpose2d(dy as tf.Tensor2D) }),
    } as unknown as tf.GradConfig);
  }
}

/**
 * `[r, c]` -> `[c, r]`: graphgen's blocked SIMD kernel on wasm (float32), `tf.transpose`
 * elsewhere. Same values (a transpose moves bits).
 */
export function transpose2d(a: tf.Tensor2D): tf.Tensor2D {
  if (!transposeKernelReady(a)) return tf.transpose(a, [1, 0]);
  return tf.engine().runKernel(KERNEL, { x: a }, {}) as tf.Tensor2D;
}

/** `true` when {@link transpose2d} runs graphgen's kernel for `a` (wasm, float32). */
export function transposeKernelReady(a: tf.Tensor): boolean {
  return a.dtype === 'float32' && nnKernelReady(KERNEL);
}
