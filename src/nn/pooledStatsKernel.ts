/**
 * The masked set-statistics kernel (`src/nn/kernels/pooledStats.c`) on the heap of tfjs's wasm
 * backend (see nnKernels.ts): `[mean, min, max, std]` of `v [B, ...set, d]` over the set members
 * (`w [B, ...set, 1]`, 0/1; `cnt [B,1]` members per batch entry), forward and backward in one pass
 * each. The tfjs-ops twin, and the definition of the values and gradient, is `pooledStats` in
 * graphgen/layers. Internal.
 *
 * @module
 */
import * as tf from '@tensorflow/tfjs-core';
import { heapOffset, nnKernelReady, nnKernelsOf, registerWasmKernelSet, type WasmBackendInternals, type WasmKernelArgs } from './nnKernels.js';

const FWD = 'GraphgenPooledStats';
const BWD = 'GraphgenPooledStatsGrad';

function dims(v: tf.TensorInfo): [number, number, number] {
  const b = v.shape[0];
  const q = v.shape[v.shape.length - 1];
  return [b, v.shape.reduce((p, s) => p * s, 1) / (b * q), q];
}

function forwardKernel({ inputs, backend }: WasmKernelArgs): tf.TensorInfo {
  const be = backend as WasmBackendInternals;
  const { v, w, cnt } = inputs as Record<string, tf.TensorInfo>;
  const [b, a, q] = dims(v);
  const out = be.makeOutput([b, 4 * q], 'float32');
  const p = (t: tf.TensorInfo): number => heapOffset(be, t);
  nnKernelsOf(be)!.gg_pooled_stats_fwd(b, a, q, p(v), p(w), p(cnt), p(out));
  return out;
}

function backwardKernel({ inputs, backend }: WasmKernelArgs): tf.TensorInfo {
  const be = backend as WasmBackendInternals;
  const { v, w, cnt, out, dout } = inputs as Record<string, tf.TensorInfo>;
  const [b, a, q] = dims(v);
  const dv = be.makeOutput([...v.shape], 'float32');
  const p = (t: tf.TensorInfo): number => heapOffset(be, t);
  nnKernelsOf(be)!.gg_pooled_stats_bwd(b, a, q, p(v), p(w), p(cnt), p(out), p(dout), p(dv));
  return dv;
}

const MARK = Symbol.for('graphgen.pooledStatsRegistered');

/** Registers the kernels and the gradient (for `v`; `w` and `cnt` are constants). Idempotent. Internal. */
export function registerPooledStatsKernels(): void {
  registerWasmKernelSet(
    MARK,
    [
      [FWD, forwardKernel],
      [BWD, backwardKernel],
    ],
    [
      {
        kernelName: FWD,
        inputsToSave: ['v', 'w', 'cnt'],
        outputsToSave: [true],
        gradFunc: (dy: tf.Tensor | tf.Tensor[], [v, w, cnt, out]: tf.Tensor[]) => ({
          v: () => tf.engine().runKernel(BWD, { v, w, cnt, out, dout: dy as tf.Tensor }, {}) as tf.Tensor,
          w: () => tf.zerosLike(w),
          cnt: () => tf.zerosLike(cnt),
        }),
      } as unknown as tf.GradConfig,
    ],
  );
}

/**
 * `[mean, min, max, std]` `[B,4d]` of `v [B, ...set, d]` by the wasm kernel (no gradient to `w`
 * or `cnt`), or `null` when it cannot run here (another backend, `d` not a multiple of 4, not
 * float32), so that the caller uses its tfjs-ops twin.
 */
export function pooledStatsKernel(v: tf.Tensor, w: tf.Tensor, cnt: tf.Tensor): tf.Tensor | null {
  const f32 = v.dtype === 'float32' && w.dtype === 'float32' && cnt.dtype === 'float32';
  if (!f32 || v.shape[v.rank - 1] % 4 !== 0 || !nnKernelReady(FWD)) return null;
  return tf.engine().runKernel(FWD, { v, w, cnt }, {}) as tf.Tensor;
}
