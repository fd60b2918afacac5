import * as tf from '@tensorflow/tfjs-core';
import { registerFilmAttentionKernels } from './filmAttention.js';
import { registerLayerNormKernels } from './layerNormKernel.js';
import { registerTransposeKernel } from './transposeKernel.js';
import { registerPooledStatsKernels } from './pooledStatsKernel.js';
import { registerMatMulKernels } from './matMulKernel.js';
import { registerSliceKernels } from './sliceKernel.js';

/** Marks graphgen's replacement so that {@link registerWasmKernels} stays idempotent. */
const MARK = Symbol.for('graphgen.wasmIdentity');

interface RefCountingBackend {
  incRef(dataId: tf.DataId): void;
}

/**
 * Replaces the `Identity` kernel of the wasm backend by a zero-copy one (the buffer is shared
 * and reference-counted, as tfjs's own `Reshape` on wasm and `Identity` on the cpu backend do).
 * tfjs runs `Identity` to keep every tensor that a gradient saves for the backward pass, and
 * the stock wasm kernel copies the buffer: in a graph-transformer training step that was about
 * 1,100 copies (~8 % of the step). Tensors are immutable (a variable's `assign` swaps its
 * buffer instead of writing into it), so sharing is safe. Does nothing when the wasm backend's
 * kernels are not registered; idempotent. Also registers graphgen's own kernels (`filmAttention`, `LayerNorm`, `transpose2d`, middle sums, pooled statistics, matrix products) and its heap-view `Slice` / `SplitV`. Internal: {@link initBackend} and {@link trainStep}
 * call it.
 */
export function registerWasmKernels(): void {
  const current = tf.getKernel('Identity', 'wasm') as (tf.KernelConfig & { [MARK]?: true }) | undefined;
  if (current === undefined) return;
  registerFilmAttentionKernels();
  registerLayerNormKernels();
  registerTransposeKernel();
  registerPooledStatsKernels();
  registerMatMulKernels();
  registerSliceKernels();
  if (current[MARK] === true) return;
  const kernelFunc = ({ inputs, backend }: { inputs: tf.NamedTensorInfoMap; backend: unknown }): tf.TensorInfo => {
    const x = inputs.x as tf.TensorInfo;
    (backend as RefCountingBackend).incRef(x.dataId);
    return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
  };
  tf.unregisterKernel('Identity', 'wasm');
  tf.registerKernel({ kernelName: 'Identity', backendName: 'wasm', kernelFunc: kernelFunc as unknown as tf.KernelFunc, [MARK]: true } as tf.KernelConfig);
}
